package org.examgate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.examgate.ExamgateApplication;
import org.examgate.support.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default mode as a new user meets it: the registry lives in the embedded PostgreSQL's data
 * directory, survives a restart of examgate, and stopping examgate stops PostgreSQL with it.
 */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void theRegistrySurvivesARestartAndStoppingExamgateStopsPostgres() throws Exception {
        UUID studentId = UUID.randomUUID();
        int firstPort;

        try (ConfigurableApplicationContext first = start()) {
            firstPort = first.getBean(EmbeddedPostgres.class).getPort();
            assertThat(dataDir.resolve("PG_VERSION")).as("PostgreSQL keeps its files where it was told").exists();
            assertThat(dataDir.resolve("postmaster.pid")).as("PostgreSQL is running").exists();

            int inserted = first.getBean(JdbcClient.class).sql("""
                    insert into student (id, student_number, full_name, status, created_at, updated_at)
                    values (:id, 'S-RESTART-1', 'Ada Restart', 'ACTIVE', now(), now())
                    """).param("id", studentId).update();
            assertThat(inserted).isOne();
        }

        assertThat(dataDir.resolve("postmaster.pid")).as("PostgreSQL stopped with the application").doesNotExist();
        assertThatThrownBy(() -> DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + firstPort + "/postgres?connectTimeout=2", "postgres", ""))
                .as("nothing answers on the port PostgreSQL had").isInstanceOf(SQLException.class);

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);

            assertThat(jdbc.sql("select full_name from student where id = :id").param("id", studentId)
                    .query(String.class).optional()).contains("Ada Restart");
            assertThat(jdbc.sql("select count(*) from student").query(Long.class).single()).isOne();
            // the configured webhook client and admin are created once, not again at each start
            assertThat(jdbc.sql("select count(*) from webhook_client").query(Long.class).single()).isOne();
            assertThat(jdbc.sql("select count(*) from staff_account").query(Long.class).single()).isOne();
        }

        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).as("the data stays for the next start").isTrue();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ExamgateApplication.class).run(
                "--server.port=0",
                // the embedded database, whatever the machine's own environment says
                "--spring.datasource.url=",
                "--examgate.embedded-db.dir=" + dataDir,
                "--examgate.webhook.client-id=" + TestCredentials.CLIENT_ID,
                "--examgate.webhook.client-secret=" + TestCredentials.CLIENT_SECRET,
                "--examgate.admin.username=" + TestCredentials.ADMIN_USERNAME,
                "--examgate.admin.password=" + TestCredentials.ADMIN_PASSWORD);
    }
}
