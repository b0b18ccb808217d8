package org.examgate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** Each connection being answered holds smaller buffers, and answers still arrive whole. */
@ExamgateTest
class ConnectionBuffersTest {

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    Http http;

    @Test
    void theRunningServerUsesFourKibibyteBuffersForEachConnection() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();

        assertThat(protocol.getProperty("socket.appReadBufSize")).isEqualTo("4096");
        assertThat(protocol.getProperty("socket.appWriteBufSize")).isEqualTo("4096");
        assertThat(protocol.getMaxHttpResponseHeaderSize()).isEqualTo(4096);
    }

    @Test
    void requestsAndAnswersManyTimesTheBuffersArriveWhole() {
        String padding = "x".repeat(12 * ConnectionBuffers.BUFFER_BYTES);
        String notification = "{\"event\":\"result_ready\",\"exam_id\":\"exam-buffers\",\"respondent_id\":\""
                + Fixtures.unique("r-") + "\",\"padding\":\"" + padding + "\"}";

        Http.Response stored = http.webhook(notification);
        Http.Response apiDocs = http.send("GET", "/v3/api-docs", Map.of(), null);

        assertThat(stored.json().get("status").stringValue()).isEqualTo("received");
        assertThat(apiDocs.body().length()).isGreaterThan(4 * ConnectionBuffers.BUFFER_BYTES);
        assertThat(apiDocs.json().get("openapi").stringValue()).startsWith("3.");
    }
}
