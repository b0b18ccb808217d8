package org.examgate.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.examgate.ExamgateApplication;
import org.examgate.support.TestCredentials;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * examgate started on an external PostgreSQL whose schema it cannot migrate does not start, and says
 * so in a few lines an operator can act on: what is wrong with which database, and what to do. No
 * stack trace, and never the database password, whether configured on its own or in the URL.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationFailureReportTest {

    private static final String DATABASE_PASSWORD = "db-password-" + UUID.randomUUID();
    private static final String URL_PASSWORD = "url-password-" + UUID.randomUUID();

    @TempDir
    Path tempDir;

    private static EmbeddedPostgres postgres;
    private String database;
    private JdbcClient jdbc;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A database of its own for each test (the server trusts local connections: any password passes). */
    @BeforeEach
    void createDatabase() {
        database = "examgate_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient.create(postgres.getPostgresDatabase()).sql("create database " + database).update();
        jdbc = JdbcClient.create(new DriverManagerDataSource(plainUrl(), "postgres", ""));
    }

    /** The history edited the way a changed migration file or a half-done migration would leave it. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "checksum = checksum + 1 where version = '1' | checksum mismatch for migration version 1",
        "success = false where version = '6'         | failed migration to version 6"})
    void aHistoryThatDoesNotMatchTheMigrationsIsReported(String change, String reported, CapturedOutput output) {
        flyway(null).migrate();
        jdbc.sql("update flyway_schema_history set " + change).update();

        assertRefusedToStart(output);

        assertThat(output).contains("does not match the migrations of this version of examgate")
                .containsIgnoringCase(reported)
                .contains("start the version that migrated it, or restore the database from a backup")
                .contains("A failed migration in the history must be cleaned up first");
    }

    @Test
    void aTableInTheWayOfAMigrationIsReportedAndTheMigrationCanRunOnceItIsGone(CapturedOutput output) {
        flyway("1").migrate();
        jdbc.sql("create table exam (id integer)").update();

        assertRefusedToStart(output);

        assertThat(output).containsPattern("migration V2__[a-z_]+\\.sql failed: PostgreSQL answered "
                + "\"ERROR: relation \\\\?\"exam\\\\?\" already exists\" \\(SQL state 42P07\\)")
                .contains("Remove the obstacle");
        assertThat(jdbc.sql("select version from flyway_schema_history where success").query(String.class).list())
                .as("the failed migration was rolled back; the one before it stays").containsExactly("1");

        jdbc.sql("drop table exam").update();
        try (ConfigurableApplicationContext started = start()) {
            assertThat(jdbc.sql("select version from flyway_schema_history where success").query(String.class)
                    .list()).as("it resumed with the migration that had failed").contains("1", "2");
        }
    }

    @Test
    void aDatabaseWithOtherTablesIsNotTakenOver(CapturedOutput output) {
        jdbc.sql("create table student (id integer)").update();

        assertRefusedToStart(output);

        assertThat(output).contains("already holds tables but no schema history")
                .contains("Give examgate an empty PostgreSQL database of its own");
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'public'")
                .query(Long.class).single()).as("nothing created").isOne();
    }

    private void assertRefusedToStart(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> start().close());

        assertThat(failure).as("examgate must not start").isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("examgate could not migrate the database schema of " + plainUrl() + ": ")
                .contains("Action:")
                .doesNotContain(DATABASE_PASSWORD).doesNotContain(URL_PASSWORD)
                .doesNotContain(TestCredentials.ADMIN_PASSWORD).doesNotContain(TestCredentials.CLIENT_SECRET);
        assertThat(output.toString().lines().filter(line -> line.matches("\\s+at [a-z]+\\..*")))
                .as("no stack trace").isEmpty();
    }

    private ConfigurableApplicationContext start() {
        List<String> arguments = List.of("--server.port=0",
                "--spring.datasource.url=" + plainUrl() + "?password=" + URL_PASSWORD,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=" + DATABASE_PASSWORD,
                "--examgate.journal.dir=" + tempDir.resolve("journal"),
                "--examgate.webhook.client-id=" + TestCredentials.CLIENT_ID,
                "--examgate.webhook.client-secret=" + TestCredentials.CLIENT_SECRET,
                "--examgate.admin.username=" + TestCredentials.ADMIN_USERNAME,
                "--examgate.admin.password=" + TestCredentials.ADMIN_PASSWORD);
        return new SpringApplicationBuilder(ExamgateApplication.class).run(arguments.toArray(String[]::new));
    }

    private String plainUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** Flyway as examgate runs it, up to {@code target} (null: all). */
    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(plainUrl(), "postgres", "")
                .locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }
}
