package org.examgate.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a real PostgreSQL started from Maven artifacts, so that a new user has a
 * working server with one command. Spring Boot's own DataSource configuration backs off because
 * this one defines the DataSource; with {@code spring.datasource.url} set, none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path dir = properties.dir().toAbsolutePath().normalize();
        Files.createDirectories(dir);
        log.info("Starting embedded PostgreSQL with data in {}", dir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // The bean's destroy method stops the server; a JVM hook would race Spring's shutdown.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "localhost")
                // The library's default is off (made for tests); an acknowledged notification must be on disk.
                .setServerConfig("synchronous_commit", properties.durableCommits() ? "on" : "off")
                // The server's log is relayed into examgate's: no error details or statements, which
                // quote student numbers and e-mail addresses.
                .setServerConfig("log_error_verbosity", "terse")
                .setServerConfig("log_min_error_statement", "panic")
                .start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("examgate-embedded");
        return dataSource;
    }
}
