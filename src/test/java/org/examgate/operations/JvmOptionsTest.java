package org.examgate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code jvm.options} is the one place the JVM's options live: it lowers the hash threads to the
 * operating system's lowest priority and bounds the heap, and every way of running examgate reads it.
 */
class JvmOptionsTest {

    private static final List<String> OPTIONS = Arrays.stream(ProjectFiles.read("jvm.options").split("\n"))
            .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

    @Test
    void hashThreadsOfTheLowestJavaPriorityGetTheLowestOperatingSystemPriority() {
        assertThat(OPTIONS).contains("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19");
    }

    @Test
    void theHeapIsBoundedSoThatResidentMemoryStaysWithinItsBudget() {
        assertThat(OPTIONS).anySatisfy(option -> assertThat(option).matches("-Xmx(\\d+)m"));
        int heapMb = OPTIONS.stream().filter(option -> option.startsWith("-Xmx"))
                .mapToInt(option -> Integer.parseInt(option.replaceAll("\\D", ""))).findFirst().orElseThrow();
        assertThat(heapMb).as("heap, leaving room under 512 MiB for metaspace, code and threads").isLessThanOrEqualTo(320);
    }

    @Test
    void theMavenRunAndTheBenchmarkReadTheSameFile() {
        assertThat(ProjectFiles.read("pom.xml")).contains("<jvmArguments>@${project.basedir}/jvm.options</jvmArguments>");
        assertThat(ProjectFiles.read("bench/run.sh")).contains("@$ROOT/jvm.options");
    }
}
