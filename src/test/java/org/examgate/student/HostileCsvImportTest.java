package org.examgate.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Student files that once stopped an import with an unexpected error. */
@ExamgateTest
class HostileCsvImportTest {

    @Autowired
    Http http;

    /**
     * Found by the property: a row whose attributes the admin API would refuse was stored, with a key
     * longer than the JSON reader accepts, and every later import of that student failed unexpectedly.
     */
    @Test
    void attributesLongerThanTheAdminApiAllowsAreRejectedWithTheirLine() {
        ImportCalls imports = new ImportCalls(http);
        String longKey = Fixtures.unique("fz");
        String longValue = Fixtures.unique("fz");

        JsonNode keyJob = imports.importCsv("studentNumber,fullName," + "\u20ac".repeat(100_000) + "\n"
                + longKey + ",Key,v\n");
        JsonNode valueJob = imports.importCsv("studentNumber,fullName,note\n"
                + longValue + ",Value," + "v".repeat(20_000) + "\n");

        for (JsonNode job : List.of(keyJob, valueJob)) {
            assertThat(ImportCalls.rejections(job)).as(job.toString())
                    .containsExactly(Map.entry(2L, "too long: attributes (at most 16384 characters as JSON)"));
        }
        assertThat(imports.student(longKey)).isNull();
        assertThat(imports.student(longValue)).isNull();
    }
}
