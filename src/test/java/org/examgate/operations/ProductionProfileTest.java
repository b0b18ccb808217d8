package org.examgate.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.examgate.ExamgateApplication;
import org.examgate.support.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code prod} profile refuses to start, before any database is started or any credential is
 * generated, unless the operator configured an external database, a webhook client and an admin;
 * and it names exactly the variables still missing.
 *
 * <p>Every setting is passed on the command line, an unset one as an empty value, so that the
 * machine's own environment variables cannot change the outcome.
 */
class ProductionProfileTest {

    /** Each variable the prod profile requires, with the property it sets and a usable value. */
    private static final Map<String, String[]> REQUIRED = new LinkedHashMap<>();

    static {
        // nothing listens on port 9 of the loopback: reaching for this database would fail at once
        REQUIRED.put("SPRING_DATASOURCE_URL",
                new String[] {"spring.datasource.url", "jdbc:postgresql://127.0.0.1:9/examgate"});
        REQUIRED.put("EXAMGATE_WEBHOOK_CLIENT_ID", new String[] {"examgate.webhook.client-id", TestCredentials.CLIENT_ID});
        REQUIRED.put("EXAMGATE_WEBHOOK_CLIENT_SECRET",
                new String[] {"examgate.webhook.client-secret", TestCredentials.CLIENT_SECRET});
        REQUIRED.put("EXAMGATE_ADMIN_USERNAME", new String[] {"examgate.admin.username", TestCredentials.ADMIN_USERNAME});
        REQUIRED.put("EXAMGATE_ADMIN_PASSWORD", new String[] {"examgate.admin.password", TestCredentials.ADMIN_PASSWORD});
    }

    private static final Pattern VARIABLE = Pattern.compile("\\b(?:SPRING|EXAMGATE)_[A-Z_]+\\b");

    @TempDir
    Path tempDir;

    private final List<Class<?>> events = new ArrayList<>();

    @Test
    void withNothingConfiguredItNamesEveryMissingVariable() {
        Throwable failure = startProd(Map.of());

        assertThat(variablesNamedBy(failure)).isEqualTo(REQUIRED.keySet());
    }

    static Stream<Arguments> partialConfigurations() {
        List<Arguments> cases = new ArrayList<>();
        for (String variable : REQUIRED.keySet()) {
            cases.add(Arguments.of(Set.of(variable)));
            Set<String> allButOne = new LinkedHashSet<>(REQUIRED.keySet());
            allButOne.remove(variable);
            cases.add(Arguments.of(allButOne));
        }
        cases.add(Arguments.of(Set.of("EXAMGATE_WEBHOOK_CLIENT_ID", "EXAMGATE_WEBHOOK_CLIENT_SECRET")));
        cases.add(Arguments.of(Set.of("SPRING_DATASOURCE_URL", "EXAMGATE_ADMIN_USERNAME", "EXAMGATE_ADMIN_PASSWORD")));
        return cases.stream();
    }

    @ParameterizedTest(name = "set: {0}")
    @MethodSource("partialConfigurations")
    void withSomeConfiguredItNamesOnlyTheOthers(Set<String> configured) {
        Map<String, String> values = new LinkedHashMap<>();
        configured.forEach(variable -> values.put(variable, REQUIRED.get(variable)[1]));

        Throwable failure = startProd(values);

        Set<String> missing = new TreeSet<>(REQUIRED.keySet());
        missing.removeAll(configured);
        assertThat(variablesNamedBy(failure)).isEqualTo(missing);
    }

    @Test
    void aBlankValueCountsAsMissing() {
        Map<String, String> values = new LinkedHashMap<>();
        REQUIRED.forEach((variable, property) -> values.put(variable, property[1]));
        values.put("EXAMGATE_WEBHOOK_CLIENT_SECRET", "   ");
        values.put("SPRING_DATASOURCE_URL", " ");

        Throwable failure = startProd(values);

        assertThat(variablesNamedBy(failure)).containsExactlyInAnyOrder("EXAMGATE_WEBHOOK_CLIENT_SECRET",
                "SPRING_DATASOURCE_URL");
    }

    @Test
    void itFailsBeforeTheApplicationContextOrAnyDatabaseExists() {
        Throwable failure = startProd(Map.of("EXAMGATE_ADMIN_USERNAME", TestCredentials.ADMIN_USERNAME));

        assertThat(failure).isNotNull();
        assertThat(events).contains(ApplicationFailedEvent.class)
                .doesNotContain(ApplicationContextInitializedEvent.class, ApplicationPreparedEvent.class);
        assertThat(embeddedDatabaseDir()).as("no embedded PostgreSQL was set up").doesNotExist();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theRefusalIsAShortReportOfWhatToSetWithoutAStackTrace(CapturedOutput output) {
        startProd(Map.of("SPRING_DATASOURCE_URL", REQUIRED.get("SPRING_DATASOURCE_URL")[1],
                "EXAMGATE_WEBHOOK_CLIENT_ID", TestCredentials.CLIENT_ID,
                "EXAMGATE_WEBHOOK_CLIENT_SECRET", TestCredentials.CLIENT_SECRET));

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("examgate will not start with the prod profile: these settings are not set: "
                        + "EXAMGATE_ADMIN_USERNAME, EXAMGATE_ADMIN_PASSWORD.")
                .contains("Action:")
                .contains("EXAMGATE_ADMIN_USERNAME: the first staff account of the admin API")
                .contains("start it without the prod profile")
                .doesNotContain("SPRING_DATASOURCE_URL:").doesNotContain(TestCredentials.CLIENT_SECRET);
        assertThat(output.toString().lines().filter(line -> line.matches("\\s+at [a-z]+\\..*")))
                .as("no stack trace").isEmpty();
    }

    /**
     * With everything configured the check lets the application start: on the external database,
     * with no embedded one, and with only the configured credentials (nothing generated).
     */
    @Test
    void withEverythingConfiguredItStartsOnTheExternalDatabase() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            Map<String, String> values = new LinkedHashMap<>();
            REQUIRED.forEach((variable, property) -> values.put(variable, property[1]));
            values.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + external.getPort() + "/postgres");

            try (ConfigurableApplicationContext context = builder()
                    .run(arguments(values, "--spring.datasource.username=postgres", "--spring.datasource.password="))) {
                assertThat(context.getEnvironment().getActiveProfiles()).contains("prod");
                assertThat(context.getBeanProvider(EmbeddedPostgres.class).getIfAvailable()).isNull();
                assertThat(embeddedDatabaseDir()).doesNotExist();

                JdbcClient registry = JdbcClient.create(external.getPostgresDatabase());
                assertThat(registry.sql("select count(*) from flyway_schema_history where success")
                        .query(Long.class).single()).isPositive();
                assertThat(registry.sql("select username from staff_account").query(String.class).list())
                        .containsExactly(TestCredentials.ADMIN_USERNAME);
                assertThat(registry.sql("select client_id from webhook_client").query(String.class).list())
                        .containsExactly(TestCredentials.CLIENT_ID);
                try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                    assertThat(connection.getMetaData().getURL()).contains(":" + external.getPort() + "/");
                }
            }
        }
    }

    private Throwable startProd(Map<String, String> values) {
        Throwable failure = catchThrowable(() -> builder().run(arguments(values)).close());
        assertThat(failure).as("the prod profile must refuse to start").isNotNull();
        return failure;
    }

    private SpringApplicationBuilder builder() {
        ApplicationListener<SpringApplicationEvent> recorder = event -> events.add(event.getClass());
        return new SpringApplicationBuilder(ExamgateApplication.class).profiles("prod").listeners(recorder);
    }

    /** Every required setting is given: its value where configured, empty otherwise. */
    private String[] arguments(Map<String, String> values, String... more) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=0");
        arguments.add("--examgate.embedded-db.dir=" + embeddedDatabaseDir());
        REQUIRED.forEach((variable, property) -> arguments.add("--" + property[0] + "=" + values.getOrDefault(variable, "")));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    private Path embeddedDatabaseDir() {
        return tempDir.resolve("embedded-postgres");
    }

    /** The variables the refusal names, found anywhere in its chain of causes. */
    private static Set<String> variablesNamedBy(Throwable failure) {
        Throwable refusal = failure;
        while (refusal != null && (refusal.getMessage() == null || !refusal.getMessage().contains("prod"))) {
            refusal = refusal.getCause();
        }
        assertThat(refusal).as("a refusal that speaks of the prod profile, in %s", failure).isNotNull();
        assertThat(refusal).isInstanceOf(IllegalStateException.class);
        Set<String> named = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(refusal.getMessage());
        while (matcher.find()) {
            named.add(matcher.group());
        }
        return named;
    }
}
