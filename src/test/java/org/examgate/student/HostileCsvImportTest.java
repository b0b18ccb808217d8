package org.examgate.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.examgate.support.Answers;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.HostileBody;
import org.examgate.support.Http;
import org.examgate.support.PropertyCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Property: whatever file is uploaded, the import answers without a server error or anything
 * internal, and a file it refuses, or a job that fails or writes nothing, leaves the registry as it
 * was. 2,500 generated uploads per run (seed {@link PropertyCheck#DEFAULT_SEED}).
 */
@ExamgateTest
@ExtendWith(OutputCaptureExtension.class)
class HostileCsvImportTest {

    static final int TRIES = 2_500;

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    private ImportCalls calls;
    private final Map<String, Integer> answers = new TreeMap<>();

    @Test
    void twoThousandFiveHundredHostileUploadsGetAClearAnswerAndRefusedOnesChangeNothing(CapturedOutput output) {
        Instant start = Instant.now();
        calls = new ImportCalls(http, "Bearer " + apiToken());
        HostileCsvFiles files = new HostileCsvFiles(Fixtures.unique("fz"));
        try {
            Map<String, Integer> thrown = PropertyCheck.forAll(TRIES, files::next, this::answersCleanly);

            System.out.println("Hostile student uploads thrown: " + thrown + "; answers: " + answers);
            assertThat(output.getAll()).as("the server's log is captured").contains("Student import ")
                    .doesNotContain("StackOverflowError").doesNotContain("OutOfMemoryError")
                    .doesNotContain("Unexpected failure").doesNotContainPattern("Student import \\S+ failed\\R");
            JsonNode job = calls.importCsv(new HostileCsvFiles(Fixtures.unique("ok")).valid(','));
            assertThat(job.get("report").get("rejected").intValue()).as("the server still imports").isZero();
        } finally {
            // Other tests export and re-import the whole registry: they must not meet this run's students.
            jdbc.sql("delete from student where created_at >= ?").param(Timestamp.from(start)).update();
        }
    }

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

    private void answersCleanly(HostileBody body) {
        Registry before = registry();
        Http.Response response = calls.post(body.bytes(), body.contentType(), body.query());

        Answers.assertNothingInternal(response);
        if (response.status() != 202) {
            answers.merge(String.valueOf(response.status()), 1, Integer::sum);
            assertThat(response.status()).as(response.toString()).isIn(400, 413, 415);
            assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
            assertThat(registry()).as("a refused file changes nothing: %s", response).isEqualTo(before);
            return;
        }
        JsonNode job = calls.await(ImportCalls.accepted(response));
        Answers.assertNothingInternal(job.toString());
        assertThat(job.path("failure").asString("")).as(job.toString()).doesNotContain("unexpected");
        JsonNode report = job.get("report");
        boolean written = job.get("phase").stringValue().equals("DONE") && report.get("written").booleanValue();
        if (report != null && !report.isNull()) {
            assertThat(report.get("rows").longValue()).as(job.toString()).isEqualTo(report.get("created").longValue()
                    + report.get("updated").longValue() + report.get("unchanged").longValue()
                    + report.get("rejected").longValue());
        }
        answers.merge("202 " + job.get("phase").stringValue() + (written ? " written" : ""), 1, Integer::sum);
        long created = written ? report.get("created").longValue() : 0;
        long changed = written ? created + report.get("updated").longValue() : 0;
        Registry after = registry();
        assertThat(after.students()).as(job.toString()).isEqualTo(before.students() + created);
        assertThat(after.jobs()).isEqualTo(before.jobs() + 1);
        if (changed == 0) {
            assertThat(after.withJobs(before.jobs())).as("nothing written: %s", job).isEqualTo(before);
        }
    }

    /** Staff's scripts use a token; HTTP Basic would cost a password hash on every upload and poll. */
    private String apiToken() {
        Http.Response created = http.admin("POST", "/api/v1/api-tokens",
                Http.json(Map.of("name", Fixtures.unique("fuzz "), "role", "ADMIN")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").stringValue();
    }

    private Registry registry() {
        return jdbc.sql("""
                        select count(*), coalesce(sum(version), 0), coalesce(max(updated_at)::text, ''),
                               (select count(*) from student_import_job)
                        from student
                        """)
                .query((row, i) -> new Registry(row.getLong(1), row.getLong(2), row.getString(3), row.getLong(4)))
                .single();
    }

    /** What an upload can change: the registry, and the import jobs. */
    record Registry(long students, long versions, String lastUpdate, long jobs) {

        Registry withJobs(long count) {
            return new Registry(students, versions, lastUpdate, count);
        }
    }
}
