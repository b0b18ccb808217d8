package org.examgate.operations;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's buffers for each connection being answered, halved from 8 KiB. On exam day thousands of
 * connections are answered at once, and a verification waiting for its hash keeps its connection's
 * buffers for up to the deadline: with 8 KiB each they came to about 70 KB a connection, which the
 * heap had to hold and the collector copy. examgate's requests and answers are a few hundred bytes;
 * a larger upload (a CSV import, a photo) only takes a few more reads.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionBuffers {

    static final int BUFFER_BYTES = 4096;

    @Bean
    TomcatConnectorCustomizer smallerConnectionBuffers() {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(BUFFER_BYTES));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(BUFFER_BYTES));
        };
    }
}
