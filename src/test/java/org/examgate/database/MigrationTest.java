package org.examgate.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrations shipped in {@code db/migration} build the whole schema on an empty PostgreSQL of
 * the version examgate embeds, without Spring, exactly as Flyway runs them at start-up.
 */
class MigrationTest {

    private static final Path MIGRATIONS = Path.of("db", "migration");

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static MigrateResult firstRun;

    @BeforeAll
    static void migrateAnEmptyDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        dataSource = postgres.getPostgresDatabase();
        firstRun = flyway().migrate();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Flyway flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }

    @Test
    void everyShippedMigrationIsAppliedSuccessfully() throws IOException {
        List<String> shipped;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            shipped = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql"))
                    .sorted().toList();
        }
        assertThat(shipped).as("migrations in %s", MIGRATIONS).isNotEmpty();

        assertThat(firstRun.success).isTrue();
        assertThat(firstRun.migrationsExecuted).isEqualTo(shipped.size());

        MigrationInfo[] applied = flyway().info().applied();
        assertThat(applied).hasSize(shipped.size());
        assertThat(applied).allSatisfy(info -> assertThat(info.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(Stream.of(applied).map(MigrationInfo::getScript).sorted().toList()).isEqualTo(shipped);
        assertThat(flyway().info().pending()).isEmpty();
    }

    @Test
    void migratingAgainChangesNothing() {
        MigrateResult again = flyway().migrate();

        assertThat(again.success).isTrue();
        assertThat(again.migrationsExecuted).isZero();
    }

    @Test
    void everyTableExists() throws SQLException {
        List<String> tables = new ArrayList<>();
        query("select table_name from information_schema.tables where table_schema = 'public'",
                row -> tables.add(row.getString(1)));

        assertThat(tables).contains("student", "webhook_client", "staff_account", "webhook_event",
                "respondent_timeline", "verification_attempt");
    }

    @Test
    void everyTableHasItsUniqueIndexes() throws SQLException {
        // table -> unique index definitions, each reduced to what follows "USING btree"
        Map<String, List<String>> unique = new TreeMap<>();
        query("""
                select tablename, indexdef from pg_indexes
                 where schemaname = 'public' and indexdef like 'CREATE UNIQUE INDEX %'
                """, row -> unique.computeIfAbsent(row.getString(1), table -> new ArrayList<>())
                .add(row.getString(2).replaceFirst("^.* USING btree ", "")));

        Map<String, List<String>> expected = new LinkedHashMap<>();
        // identifiers a student may type each name at most one student; e-mail case-insensitively
        expected.put("student", List.of("(id)", "(student_number)", "(matric_number)", "(lower((email)::text))"));
        // one row per client id and secret, so a client may rotate its secret
        expected.put("webhook_client", List.of("(id)", "(client_id, secret_hash)"));
        expected.put("staff_account", List.of("(id)", "(lower((username)::text))"));
        // the three known notifications are stored once per (event, exam, respondent)
        expected.put("webhook_event", List.of("(id)", "(event_type, exam_id, respondent_id) WHERE"));
        expected.put("respondent_timeline", List.of("(exam_id, respondent_id)"));
        expected.put("verification_attempt", List.of("(id)"));

        expected.forEach((table, definitions) -> {
            assertThat(unique.get(table)).as("unique indexes of %s", table).isNotNull();
            assertThat(unique.get(table)).as("unique indexes of %s", table).hasSameSizeAs(definitions);
            for (String definition : definitions) {
                assertThat(unique.get(table)).as("unique indexes of %s", table)
                        .anySatisfy(actual -> assertThat(actual).startsWith(definition));
            }
        });
        assertThat(unique.get("webhook_event")).anySatisfy(definition -> assertThat(definition)
                .contains("admitted_respondent", "result_ready", "investigation_complete"));
    }

    /** A duplicate identifier is reported on the right field by the name of the index it broke. */
    @Test
    void theStudentIdentifierIndexesHaveTheNamesTheAdminApiMapsToFields() throws SQLException {
        List<String> names = new ArrayList<>();
        query("select indexname from pg_indexes where tablename = 'student'", row -> names.add(row.getString(1)));

        assertThat(names).contains("student_number_uq", "student_matric_number_uq", "student_email_uq");
    }

    private interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    private static void query(String sql, Row row) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                row.accept(rows);
            }
        }
    }
}
