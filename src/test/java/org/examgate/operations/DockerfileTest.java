package org.examgate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The {@code Dockerfile} builds the jar from source in one stage and runs it in a second, smaller
 * one: on the project's Java version, as a non-root user, under the prod profile, with a health
 * check. Read as Docker reads it: comments dropped, continued lines joined, one stage per FROM.
 */
class DockerfileTest {

    /** {@code FROM [--platform=...] image [AS name]} */
    private static final Pattern FROM = Pattern.compile("(?i)(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*");

    private static final List<Stage> STAGES = stages(ProjectFiles.read("Dockerfile"));

    @Test
    void itBuildsInOneStageAndRunsInAnother() {
        assertThat(STAGES).as("stages").hasSizeGreaterThanOrEqualTo(2);

        String java = ProjectFiles.pomProperty("java.version");
        Stage build = buildStage();
        assertThat(build.image()).isEqualTo("eclipse-temurin:" + java + "-jdk");
        assertThat(build.name()).isNotNull();
        assertThat(last().image()).as("the image that runs examgate: a JRE of the project's Java version")
                .isEqualTo("eclipse-temurin:" + java + "-jre");
    }

    @Test
    void theBuildStageFetchesDependenciesBeforeCopyingTheSourcesThenPackagesTheJar() {
        List<Instruction> build = buildStage().instructions();

        int goOffline = indexOf(build, "RUN", "dependency:go-offline");
        int sources = indexOf(build, "COPY", "src");
        int migrations = indexOf(build, "COPY", "db");
        int packaging = indexOf(build, "RUN", "package");
        assertThat(goOffline).as("RUN ./mvnw dependency:go-offline").isNotNegative();
        for (String buildFile : List.of("pom.xml", "mvnw", ".mvn")) {
            assertThat(indexOf(build, "COPY", buildFile)).as("COPY %s", buildFile).isBetween(0, goOffline);
        }
        // db/migration is a resource of the jar (see pom.xml): without it the jar has no schema
        assertThat(sources).as("COPY src").isGreaterThan(goOffline);
        assertThat(migrations).as("COPY db").isGreaterThan(goOffline);
        assertThat(packaging).as("RUN ./mvnw package").isGreaterThan(Math.max(sources, migrations));
        assertThat(build.get(packaging).arguments()).contains("./mvnw", "-B", "-DskipTests", "package");
    }

    @Test
    void everythingTheBuildCopiesExistsAndIsSentToTheBuild() {
        List<String> ignored = ProjectFiles.read(".dockerignore").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.replaceAll("^/+|/+$", "")).toList();
        assertThat(ignored).as(".dockerignore").contains("target", "data", ".git", ".env");

        for (Instruction copy : buildStage().instructions()) {
            if (!copy.keyword().equals("COPY")) {
                continue;
            }
            List<String> sources = copy.words().subList(0, copy.words().size() - 1).stream()
                    .filter(word -> !word.startsWith("--")).toList();
            for (String source : sources) {
                String path = source.replaceAll("/+$", "");
                assertThat(Files.exists(ProjectFiles.root().resolve(path))).as("%s exists", path).isTrue();
                assertThat(ignored).as("%s is not in .dockerignore", path).doesNotContain(path, "*", "**");
            }
        }
    }

    @Test
    void theFinalStageRunsTheBuiltJarAsANonRootUser() {
        Stage run = last();
        String jar = "target/" + ProjectFiles.pomFinalName() + ".jar";

        Instruction copy = run.instructions().stream().filter(instruction -> instruction.keyword().equals("COPY")
                && instruction.arguments().contains("--from=" + buildStage().name())).findFirst().orElse(null);
        assertThat(copy).as("COPY --from=%s", buildStage().name()).isNotNull();
        assertThat(copy.words().get(copy.words().size() - 2)).endsWith(jar);

        List<Instruction> users = run.instructions().stream().filter(instruction -> instruction.keyword().equals("USER"))
                .toList();
        assertThat(users).as("USER in the final stage").isNotEmpty();
        String user = users.get(users.size() - 1).arguments().split(":")[0].strip();
        assertThat(user).isNotIn("root", "0", "");
        if (user.matches("\\d+")) {
            assertThat(run.instructions()).as("a user is created with uid %s", user).anySatisfy(instruction -> {
                assertThat(instruction.keyword()).isEqualTo("RUN");
                assertThat(instruction.arguments()).containsPattern("(useradd|adduser)\\b.*(-u|--uid)[ =]" + user + "\\b");
            });
        }

        Instruction entrypoint = run.instructions().stream()
                .filter(instruction -> Set.of("ENTRYPOINT", "CMD").contains(instruction.keyword())).reduce((a, b) -> b)
                .orElse(null);
        assertThat(entrypoint).isNotNull();
        assertThat(entrypoint.arguments()).contains("java", "-jar", ProjectFiles.pomFinalName() + ".jar");
    }

    @Test
    void theImageStartsTheJvmWithTheProjectsJvmOptions() {
        Stage run = last();

        assertThat(run.instructions()).as("COPY jvm.options /app/jvm.options").anySatisfy(instruction -> {
            assertThat(instruction.keyword()).isEqualTo("COPY");
            assertThat(instruction.words()).containsExactly("jvm.options", "/app/jvm.options");
        });
        Instruction entrypoint = run.instructions().stream()
                .filter(instruction -> instruction.keyword().equals("ENTRYPOINT")).reduce((a, b) -> b).orElseThrow();
        assertThat(entrypoint.arguments()).as("java reads the options before the jar")
                .containsPattern("\"java\",\\s*\"@/app/jvm\\.options\",\\s*\"-jar\"");
    }

    @Test
    void theFinalStageRunsUnderTheProdProfileOnPort8080WithAHealthCheck() {
        Stage run = last();

        assertThat(environment(run)).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        assertThat(run.instructions()).anySatisfy(instruction -> {
            assertThat(instruction.keyword()).isEqualTo("EXPOSE");
            assertThat(instruction.words()).anyMatch(port -> port.equals("8080") || port.equals("8080/tcp"));
        });
        assertThat(run.instructions()).anySatisfy(instruction -> {
            assertThat(instruction.keyword()).isEqualTo("HEALTHCHECK");
            assertThat(instruction.arguments()).contains("CMD", "/actuator/health");
        });
    }

    @Test
    void theNotificationJournalIsAVolumeTheRuntimeUserCanWrite() {
        Stage run = last();
        String journal = environment(run).get("EXAMGATE_JOURNAL_DIR");

        assertThat(journal).as("EXAMGATE_JOURNAL_DIR").startsWith("/");
        String top = journal.substring(0, journal.indexOf('/', 1));
        assertThat(run.instructions()).as("the directory is made and given to the runtime user")
                .anySatisfy(instruction -> {
                    assertThat(instruction.keyword()).isEqualTo("RUN");
                    assertThat(instruction.arguments())
                            .containsPattern("mkdir -p \\S*" + Pattern.quote(journal) + "\\b")
                            .containsPattern("chown -R examgate:examgate " + Pattern.quote(top) + "\\b");
                });
        assertThat(run.instructions()).anySatisfy(instruction -> {
            assertThat(instruction.keyword()).isEqualTo("VOLUME");
            assertThat(instruction.arguments()).contains(journal);
        });
    }

    // ---- the Dockerfile, read as Docker reads it -----------------------------------------------------

    private record Instruction(String keyword, String arguments) {

        List<String> words() {
            return List.of(arguments.strip().split("\\s+"));
        }
    }

    private record Stage(String image, String name, List<Instruction> instructions) {
    }

    private static Stage buildStage() {
        return STAGES.get(0);
    }

    private static Stage last() {
        return STAGES.get(STAGES.size() - 1);
    }

    private static int indexOf(List<Instruction> instructions, String keyword, String word) {
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            if (instruction.keyword().equals(keyword) && instruction.words().stream()
                    .anyMatch(candidate -> candidate.equals(word) || candidate.equals(word + "/")
                            || candidate.equals("./" + word))) {
                return i;
            }
        }
        return -1;
    }

    private static List<Stage> stages(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.lines().toList()) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            String text = current.toString().strip();
            current.setLength(0);
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
        }

        List<Stage> stages = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                Matcher from = FROM.matcher(instruction.arguments());
                assertThat(from.matches()).as("FROM %s", instruction.arguments()).isTrue();
                stages.add(new Stage(from.group(1), from.group(2), new ArrayList<>()));
            } else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).instructions().add(instruction);
            }
        }
        return stages;
    }

    /** ENV in both its forms: {@code ENV A=1 B=2} and {@code ENV A 1}. */
    private static Map<String, String> environment(Stage stage) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Instruction instruction : stage.instructions()) {
            if (!instruction.keyword().equals("ENV")) {
                continue;
            }
            if (!instruction.words().get(0).contains("=")) {
                environment.put(instruction.words().get(0), instruction.arguments().strip()
                        .substring(instruction.words().get(0).length()).strip());
                continue;
            }
            Matcher pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|'[^']*'|\\S*)").matcher(instruction.arguments());
            while (pair.find()) {
                environment.put(pair.group(1), pair.group(2).replaceAll("^[\"']|[\"']$", ""));
            }
        }
        return environment;
    }
}
