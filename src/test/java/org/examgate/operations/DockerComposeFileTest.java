package org.examgate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker-compose.yml} runs examgate against its own PostgreSQL: the same major version as the
 * embedded one, data on a volume, examgate started only once PostgreSQL is healthy, connected with
 * the credentials the PostgreSQL service was given, and refusing to start without the webhook client
 * and admin. Values are interpolated as compose does ({@code ${VAR:-default}}, {@code ${VAR:?error}}).
 */
class DockerComposeFileTest {

    /** What an operator puts in the environment or in {@code .env}. */
    private static final Map<String, String> OPERATOR = Map.of(
            "EXAMGATE_WEBHOOK_CLIENT_ID", "examjoint",
            "EXAMGATE_WEBHOOK_CLIENT_SECRET", "a-long-webhook-secret",
            "EXAMGATE_ADMIN_USERNAME", "registrar",
            "EXAMGATE_ADMIN_PASSWORD", "a-strong-password");

    private static final Object COMPOSE = new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(ProjectFiles.read("docker-compose.yml"));

    @Test
    void thePostgresServiceRunsTheEmbeddedMajorVersionWithItsDataOnAVolumeAndAHealthCheck() {
        Map<String, Object> postgres = service(resolved(OPERATOR), "postgres");

        String image = string(postgres.get("image"));
        assertThat(image).startsWith("postgres:");
        int composeMajor = ProjectFiles.major(image.substring("postgres:".length()));
        int embeddedMajor = ProjectFiles.major(ProjectFiles.pomProperty("postgres-binaries.version"));
        assertThat(composeMajor).as("PostgreSQL major in compose and in the embedded binaries")
                .isEqualTo(embeddedMajor);

        List<Mount> mounts = list(postgres.get("volumes")).stream().map(Mount::of).toList();
        // from 18 on, the images keep their data in a versioned folder under /var/lib/postgresql
        String dataPath = composeMajor >= 18 ? "/var/lib/postgresql" : "/var/lib/postgresql/data";
        assertThat(mounts).as("a volume for PostgreSQL's data").anySatisfy(mount -> {
            assertThat(mount.target()).isEqualTo(dataPath);
            assertThat(map(root(resolved(OPERATOR)).get("volumes"))).as("named volumes")
                    .containsKey(mount.source());
        });

        Map<String, Object> healthcheck = map(postgres.get("healthcheck"));
        assertThat(healthcheck.get("disable")).isNotEqualTo(Boolean.TRUE);
        Object test = healthcheck.get("test");
        String command = test instanceof List<?> parts ? String.join(" ", parts.stream().map(String::valueOf).toList())
                : string(test);
        assertThat(command).contains("pg_isready");
    }

    @Test
    void examgateIsBuiltFromTheDockerfileAndStartsOnlyOncePostgresIsHealthy() {
        Map<String, Object> examgate = service(resolved(OPERATOR), "examgate");

        Object build = examgate.get("build");
        String context = build instanceof Map<?, ?> settings ? string(settings.get("context")) : string(build);
        String dockerfile = build instanceof Map<?, ?> settings && settings.get("dockerfile") != null
                ? string(settings.get("dockerfile")) : "Dockerfile";
        assertThat(ProjectFiles.root().resolve(context).normalize()).isEqualTo(ProjectFiles.root());
        assertThat(dockerfile).isEqualTo("Dockerfile");
        assertThat(Files.isRegularFile(ProjectFiles.root().resolve(context).resolve(dockerfile))).isTrue();

        Object dependsOn = examgate.get("depends_on");
        assertThat(dependsOn).as("depends_on with conditions").isInstanceOf(Map.class);
        assertThat(map(map(dependsOn).get("postgres")).get("condition")).isEqualTo("service_healthy");

        assertThat(list(examgate.get("ports")).stream().map(String::valueOf)).contains("8080:8080");
    }

    @Test
    void examgateConnectsToThePostgresServiceWithTheCredentialsItWasGiven() {
        Map<String, String> chosenPassword = new LinkedHashMap<>(OPERATOR);
        chosenPassword.put("POSTGRES_PASSWORD", "chosen-by-the-operator");

        for (Map<String, String> operator : List.of(OPERATOR, chosenPassword)) {
            Map<String, Object> compose = resolved(operator);
            Map<String, String> postgres = environment(service(compose, "postgres"));
            Map<String, String> examgate = environment(service(compose, "examgate"));

            String user = postgres.getOrDefault("POSTGRES_USER", "postgres");
            String database = postgres.getOrDefault("POSTGRES_DB", user);
            int port = Integer.parseInt(postgres.getOrDefault("PGPORT", "5432"));

            String jdbcUrl = examgate.get("SPRING_DATASOURCE_URL");
            assertThat(jdbcUrl).startsWith("jdbc:postgresql://");
            URI url = URI.create(jdbcUrl.substring("jdbc:".length()));
            assertThat(url.getHost()).as("the postgres service's name").isEqualTo("postgres");
            assertThat(url.getPort() == -1 ? 5432 : url.getPort()).isEqualTo(port);
            assertThat(url.getPath()).isEqualTo("/" + database);

            assertThat(examgate.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(user);
            assertThat(postgres.get("POSTGRES_PASSWORD")).isNotBlank();
            assertThat(examgate.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
            assertThat(examgate.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(
                    operator.getOrDefault("POSTGRES_PASSWORD", postgres.get("POSTGRES_PASSWORD")));
        }
    }

    @Test
    void examgateRunsUnderTheProdProfileWithEverySettingItRequires() {
        Map<String, String> environment = environment(service(resolved(OPERATOR), "examgate"));

        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        assertThat(environment).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD", "EXAMGATE_PUBLIC_BASE_URL");
        OPERATOR.forEach((variable, value) -> assertThat(environment).containsEntry(variable, value));
    }

    @Test
    void examgateKeepsItsNotificationJournalOnANamedVolume() {
        Map<String, Object> compose = resolved(OPERATOR);
        Map<String, Object> examgate = service(compose, "examgate");
        String journal = environment(examgate).get("EXAMGATE_JOURNAL_DIR");

        assertThat(journal).as("EXAMGATE_JOURNAL_DIR").startsWith("/");
        List<Mount> mounts = list(examgate.get("volumes")).stream().map(Mount::of).toList();
        assertThat(mounts).as("a volume for the journal").anySatisfy(mount -> {
            assertThat(mount.target()).isEqualTo(journal);
            assertThat(map(root(compose).get("volumes"))).as("named volumes").containsKey(mount.source());
        });
    }

    @Test
    void composeRefusesToStartWithoutTheWebhookClientAndTheAdmin() {
        List<String> errors = new ArrayList<>();
        interpolate(COMPOSE, Map.of(), errors);

        Set<String> refused = new TreeSet<>();
        errors.forEach(error -> refused.add(error.substring(0, error.indexOf(':'))));
        assertThat(refused).isEqualTo(new TreeSet<>(OPERATOR.keySet()));
        assertThat(errors).allSatisfy(error -> assertThat(error.substring(error.indexOf(':') + 1)).isNotBlank());

        // and any one of them missing is enough
        for (String variable : OPERATOR.keySet()) {
            Map<String, String> allButOne = new LinkedHashMap<>(OPERATOR);
            allButOne.remove(variable);
            List<String> oneError = new ArrayList<>();
            interpolate(COMPOSE, allButOne, oneError);
            assertThat(oneError).singleElement().asString().startsWith(variable + ":");
        }
    }

    // ---- compose, read as compose reads it ----------------------------------------------------------

    private record Mount(String source, String target) {

        static Mount of(Object volume) {
            if (volume instanceof Map<?, ?> longForm) {
                return new Mount(string(longForm.get("source")), string(longForm.get("target")));
            }
            String[] parts = string(volume).split(":");
            return new Mount(parts[0], parts.length > 1 ? parts[1] : parts[0]);
        }
    }

    private static Map<String, Object> resolved(Map<String, String> operator) {
        List<String> errors = new ArrayList<>();
        Object compose = interpolate(COMPOSE, operator, errors);
        assertThat(errors).as("interpolation errors with %s", operator.keySet()).isEmpty();
        return root(compose);
    }

    private static Map<String, Object> root(Object compose) {
        return map(compose);
    }

    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).as("services").containsKey(name);
        return map(services.get(name));
    }

    /** A service's environment, given as a map or as a list of NAME=value. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> variables.put(string(name), value == null ? null : string(value)));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String text = string(entry);
                int equals = text.indexOf('=');
                variables.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return variables;
    }

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** Compose's interpolation of every string in the file; each refusal is reported as "VAR: message". */
    private static Object interpolate(Object node, Map<String, String> env, List<String> errors) {
        if (node instanceof Map<?, ?> entries) {
            Map<String, Object> result = new LinkedHashMap<>();
            entries.forEach((key, value) -> result.put(string(key), interpolate(value, env, errors)));
            return result;
        }
        if (node instanceof List<?> items) {
            return items.stream().map(item -> interpolate(item, env, errors)).toList();
        }
        if (!(node instanceof String text)) {
            return node;
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group().equals("$$")) {
                replacement = "$";
            } else {
                String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(4);
                String operator = matcher.group(2);
                String argument = matcher.group(3) == null ? "" : matcher.group(3);
                String value = env.get(name);
                boolean usable = operator != null && operator.startsWith(":") ? value != null && !value.isEmpty()
                        : value != null;
                if (operator == null) {
                    replacement = value == null ? "" : value;
                } else if (operator.endsWith("-")) {
                    replacement = usable ? value : argument;
                } else {
                    if (!usable) {
                        errors.add(name + ": " + argument);
                    }
                    replacement = usable ? value : "";
                }
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static List<?> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<?>) node;
    }

    private static String string(Object node) {
        assertThat(node).isNotNull();
        return String.valueOf(node);
    }
}
