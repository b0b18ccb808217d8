package org.examgate.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.examgate.student.ImportCalls.rejections;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import tools.jackson.databind.JsonNode;

@ExamgateTest
@ExtendWith(OutputCaptureExtension.class)
class StudentImportTest {

    private static final String HEADER = "studentNumber,matricNumber,email,fullName,about,status,photoUrl";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudentImportSweep sweep;

    ImportCalls calls;
    Fixtures fixtures;
    String prefix;

    @BeforeEach
    void setUp() {
        calls = new ImportCalls(http);
        fixtures = new Fixtures(http);
        prefix = Fixtures.unique("I");
    }

    @Test
    void aCommaSeparatedBodyCreatesStudentsWithEveryFieldAndOtherColumnsAsAttributes() {
        String csv = HEADER + ",faculty,level\n"
                + n(1) + ",M-" + n(1) + "," + n(1) + "@uni.example,Ada Obi,BSc Computer Science,SUSPENDED,"
                + "https://photos.uni.example/ada.jpg,Science,200\n"
                + n(2) + ",,,Grace Hopper,,,,,\n";

        Response accepted = calls.postBody(csv, "");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).matches("/api/v1/students/import/[0-9a-f-]{36}");
        String id = accepted.json().get("id").stringValue();
        assertThat(accepted.header("Location")).isEqualTo(ImportCalls.IMPORT + "/" + id);
        assertThat(accepted.json().get("phase").stringValue()).isIn("QUEUED", "PARSING", "VALIDATING", "WRITING",
                "DONE");
        JsonNode job = calls.await(ImportCalls.accepted(accepted));
        assertThat(job.get("phase").stringValue()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("percent").intValue()).isEqualTo(100);
        assertThat(job.get("rowsTotal").longValue()).isEqualTo(2);
        assertReport(job, 2, 2, 0, 0, 0);
        assertThat(job.get("report").get("written").booleanValue()).isTrue();

        JsonNode ada = calls.student(n(1));
        assertThat(ada.get("matricNumber").stringValue()).isEqualTo("M-" + n(1));
        assertThat(ada.get("email").stringValue()).isEqualTo(n(1) + "@uni.example");
        assertThat(ada.get("fullName").stringValue()).isEqualTo("Ada Obi");
        assertThat(ada.get("about").stringValue()).isEqualTo("BSc Computer Science");
        assertThat(ada.get("status").stringValue()).isEqualTo("SUSPENDED");
        assertThat(ada.get("photoUrl").stringValue()).isEqualTo("https://photos.uni.example/ada.jpg");
        assertThat(ada.get("hasPassword").booleanValue()).isFalse();
        assertThat(ada.get("attributes").get("faculty").stringValue()).isEqualTo("Science");
        assertThat(ada.get("attributes").get("level").stringValue()).as("attributes are strings").isEqualTo("200");
        JsonNode grace = calls.student(n(2));
        assertThat(grace.get("status").stringValue()).as("the default status").isEqualTo("ACTIVE");
        assertThat(grace.get("matricNumber").isNull()).isTrue();
        assertThat(grace.get("email").isNull()).isTrue();
        assertThat(grace.get("attributes").isEmpty()).as("empty cells are omitted").isTrue();
    }

    @Test
    void aSemicolonSeparatedFileIsRecognised() {
        String csv = "studentNumber;fullName;email;faculty\n"
                + n(1) + ";Müller, Jürgen;" + n(1) + "@uni.example;Law\n";

        JsonNode job = calls.importCsv(csv);

        assertReport(job, 1, 1, 0, 0, 0);
        JsonNode student = calls.student(n(1));
        assertThat(student.get("fullName").stringValue()).isEqualTo("Müller, Jürgen");
        assertThat(student.get("attributes").get("faculty").stringValue()).isEqualTo("Law");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() {
        byte[] csv = ("\uFEFFstudentNumber,fullName\r\n" + n(1) + ",Zoë Ångström\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(csv[0]).isEqualTo((byte) 0xEF);

        JsonNode job = calls.await(ImportCalls.accepted(calls.postBody(csv, "")));

        assertReport(job, 1, 1, 0, 0, 0);
        JsonNode student = calls.student(n(1));
        assertThat(student.get("fullName").stringValue()).isEqualTo("Zoë Ångström");
        assertThat(student.get("attributes").isEmpty()).as("the mark is not part of a column name").isTrue();
    }

    @Test
    void quotedFieldsHoldDelimitersQuotesAndLineBreaksAndLineNumbersCountPhysicalLines() {
        String csv = "studentNumber,fullName,about,email\n"
                + n(1) + ",\"Obi, Ada\",\"Year 2\nBSc \"\"CS\"\", honours\nthird line\",\n"
                + "\n"
                + n(2) + ",Bad Email,,not-an-email\n";

        JsonNode job = calls.importCsv(csv);

        assertReport(job, 2, 1, 0, 0, 1);
        assertThat(rejections(job)).containsExactly(Map.entry(6L, "invalid email"));
        JsonNode student = calls.student(n(1));
        assertThat(student.get("fullName").stringValue()).isEqualTo("Obi, Ada");
        assertThat(student.get("about").stringValue()).isEqualTo("Year 2\nBSc \"CS\", honours\nthird line");
    }

    @Test
    void headerNamesAreReadCaseInsensitivelyWithSpacesUnderscoresOrHyphens() {
        String csv = "Student Number,MATRIC_NUMBER,E-mail,full name,Photo URL,Year of Study\n"
                + n(1) + ",M-" + n(1) + "," + n(1) + "@uni.example,Alan Turing,https://p.uni.example/a.png,3\n";

        JsonNode job = calls.importCsv(csv);

        assertReport(job, 1, 1, 0, 0, 0);
        JsonNode student = calls.student(n(1));
        assertThat(student.get("matricNumber").stringValue()).isEqualTo("M-" + n(1));
        assertThat(student.get("email").stringValue()).isEqualTo(n(1) + "@uni.example");
        assertThat(student.get("fullName").stringValue()).isEqualTo("Alan Turing");
        assertThat(student.get("photoUrl").stringValue()).isEqualTo("https://p.uni.example/a.png");
        assertThat(student.get("attributes").get("Year of Study").stringValue()).isEqualTo("3");
    }

    @Test
    void aMultipartUploadInTheFieldFileIsImportedAndNamed() {
        byte[] csv = ("studentNumber,fullName\n" + n(1) + ",Katherine Johnson\n").getBytes(StandardCharsets.UTF_8);

        Response accepted = calls.postMultipart(csv, "students.csv", "");

        JsonNode job = calls.await(ImportCalls.accepted(accepted));
        assertReport(job, 1, 1, 0, 0, 0);
        assertThat(job.get("fileName").stringValue()).isEqualTo("students.csv");
        assertThat(calls.student(n(1)).get("fullName").stringValue()).isEqualTo("Katherine Johnson");
    }

    @Test
    void existingStudentsAreUpdatedByStudentNumberAndColumnsTheFileLacksAreKept() {
        JsonNode existing = fixtures.student(Map.of("studentNumber", n(1), "fullName", "Old Name",
                "status", "SUSPENDED", "about", "kept", "attributes", Map.of("faculty", "Science", "level", 200)));

        JsonNode job = calls.importCsv("studentNumber,fullName,status,faculty\n" + n(1) + ",New Name,,Arts\n");

        assertReport(job, 1, 0, 1, 0, 0);
        JsonNode student = calls.student(n(1));
        assertThat(student.get("id")).isEqualTo(existing.get("id"));
        assertThat(student.get("fullName").stringValue()).isEqualTo("New Name");
        assertThat(student.get("about").stringValue()).as("no about column: kept").isEqualTo("kept");
        assertThat(student.get("status").stringValue()).as("an empty status keeps the stored one")
                .isEqualTo("SUSPENDED");
        assertThat(student.get("email")).isEqualTo(existing.get("email"));
        assertThat(student.get("attributes").get("faculty").stringValue()).isEqualTo("Arts");
        assertThat(student.get("attributes").get("level").intValue()).as("no column: kept as it was").isEqualTo(200);
    }

    @Test
    void everyRejectionIsReportedWithItsLineAndReasonAndTheValidRowsAreWritten(CapturedOutput output) {
        JsonNode holder = fixtures.student(Map.of());
        String holderMatric = holder.get("matricNumber").stringValue();
        String holderEmail = holder.get("email").stringValue();
        String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("secret");
        String csv = HEADER + ",password,passwordHash\n"                                        // line 1
                + n(1) + ",,,Valid One,\"multi\nline\",,,,\n"                                    // 2-3
                + n(2) + ",,not-an-email,Bad Email,,,,,\n"                                       // 4
                + ",,,No Number,,,,,\n"                                                          // 5
                + n(3) + ",,,,,,,,\n"                                                            // 6
                + n(4) + ",,,Too Long,,,,,\n".replace("Too Long", "x".repeat(201))               // 7
                + n(5) + ",,,Bad Status,,ENROLLED,,,\n"                                          // 8
                + n(1) + ",,,Twice,,,,,\n"                                                       // 9
                + n(6) + "," + holderMatric + ",,Taken Matric,,,,,\n"                            // 10
                + n(7) + ",," + holderEmail.toUpperCase() + ",Taken Email,,,,,\n"                // 11
                + n(8) + ",,,Bad Hash,,,,,{bcrypt}not-a-hash\n"                                  // 12
                + n(9) + ",,,Both,,,,pw," + bcrypt + "\n"                                        // 13
                + "\n"                                                                           // 14
                + n(10) + ",,,Bad Photo,,,ftp://x,,\n"                                           // 15
                + n(11) + ",,dup@" + prefix + ".example,First,,,,,\n"                            // 16
                + n(12) + ",,DUP@" + prefix + ".example,Second,,,,,\n"                           // 17
                + n(13) + ",,,Valid Two,,,,,\n";                                                 // 18

        JsonNode job = calls.importCsv(csv);

        assertReport(job, 15, 3, 0, 0, 12);
        assertThat(rejections(job)).containsExactly(
                Map.entry(4L, "invalid email"),
                Map.entry(5L, "missing student number"),
                Map.entry(6L, "missing full name"),
                Map.entry(7L, "too long: fullName (at most 200 characters)"),
                Map.entry(8L, "unknown status: use ACTIVE, SUSPENDED, WITHDRAWN or GRADUATED"),
                Map.entry(9L, "duplicate within the file: same student number as line 2"),
                Map.entry(10L, "conflict: another student has this matric number"),
                Map.entry(11L, "conflict: another student has this email"),
                Map.entry(12L, "bad passwordHash format: use the {bcrypt}, {argon2} or {pbkdf2} form"),
                Map.entry(13L, "both password and passwordHash given: give one"),
                Map.entry(15L, "invalid photoUrl: not an absolute http or https URL"),
                Map.entry(17L, "duplicate within the file: same email as line 16"));
        assertThat(calls.student(n(1)).get("fullName").stringValue()).as("the first row wins").isEqualTo("Valid One");
        assertThat(calls.student(n(11))).isNotNull();
        assertThat(calls.student(n(13))).isNotNull();
        for (int i = 2; i <= 10; i++) {
            assertThat(calls.student(n(i))).as("rejected row " + i).isNull();
        }
        assertThat(calls.student(n(12))).isNull();
        assertThat(job.toString()).doesNotContain(bcrypt).doesNotContain("not-a-hash").doesNotContain(holderEmail);
        assertThat(output.getAll()).doesNotContain(bcrypt).doesNotContain("not-a-hash");
    }

    @Test
    void aDryRunValidatesAndCountsButWritesNothing() {
        JsonNode existing = fixtures.student(Map.of("studentNumber", n(1), "fullName", "Before"));
        String csv = "studentNumber,fullName,email\n" + n(1) + ",After,\n" + n(2) + ",New,\n" + n(3) + ",Bad,nope\n";

        JsonNode job = calls.importCsv(csv, "?dryRun=true");

        assertThat(job.get("dryRun").booleanValue()).isTrue();
        assertReport(job, 3, 1, 1, 0, 1);
        assertThat(job.get("report").get("written").booleanValue()).isFalse();
        assertThat(rejections(job)).containsExactly(Map.entry(4L, "invalid email"));
        assertThat(calls.student(n(1)).get("fullName").stringValue()).isEqualTo("Before");
        assertThat(calls.student(n(1)).get("updatedAt")).isEqualTo(existing.get("updatedAt"));
        assertThat(calls.student(n(2))).isNull();
    }

    @Test
    void anAtomicImportWritesNothingWhenOneRowIsRejected() {
        fixtures.student(Map.of("studentNumber", n(1), "fullName", "Before"));
        String csv = "studentNumber,fullName\n" + n(1) + ",After\n" + n(2) + ",New\n" + n(3) + ",\n";

        JsonNode job = calls.importCsv(csv, "?atomic=true");

        assertThat(job.get("atomic").booleanValue()).isTrue();
        assertReport(job, 3, 1, 1, 0, 1);
        assertThat(job.get("report").get("written").booleanValue()).isFalse();
        assertThat(rejections(job)).containsExactly(Map.entry(4L, "missing full name"));
        assertThat(calls.student(n(1)).get("fullName").stringValue()).isEqualTo("Before");
        assertThat(calls.student(n(2))).isNull();
    }

    @Test
    void anAtomicImportWritesEverythingWhenEveryRowIsValid() {
        fixtures.student(Map.of("studentNumber", n(1), "fullName", "Before"));
        String csv = "studentNumber,fullName,password\n" + n(1) + ",After,\n" + n(2) + ",New,pass-" + prefix + "\n";

        JsonNode job = calls.importCsv(csv, "?atomic=true");

        assertReport(job, 2, 1, 1, 0, 0);
        assertThat(job.get("report").get("written").booleanValue()).isTrue();
        assertThat(calls.student(n(1)).get("fullName").stringValue()).isEqualTo("After");
        assertThat(fixtures.outcome(Fixtures.unique("exam-"), n(2), "pass-" + prefix)).isEqualTo("verified");
    }

    @Test
    void progressIsVisibleWhileALargeImportRuns() {
        StringBuilder csv = new StringBuilder("studentNumber,fullName,email,faculty\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(n(i)).append(",Student ").append(i).append(',').append(n(i)).append("@bulk.example,Science\n");
        }
        List<JsonNode> seen = new ArrayList<>();

        JsonNode job = calls.await(ImportCalls.accepted(calls.postBody(csv.toString(), "")), seen);

        assertThat(job.get("phase").stringValue()).as(job.toString()).isEqualTo("DONE");
        assertReport(job, 20_000, 20_000, 0, 0, 0);
        assertThat(seen).extracting(state -> state.get("phase").stringValue())
                .as("phases seen while polling").containsAnyOf("PARSING", "VALIDATING", "WRITING");
        for (JsonNode state : seen) {
            if (!state.get("rowsTotal").isNull()) {
                assertThat(state.get("rowsTotal").longValue()).isEqualTo(20_000);
                assertThat(state.get("rowsDone").longValue()).isBetween(0L, 20_000L);
                assertThat(state.get("percent").intValue()).isBetween(0, 100);
            }
        }
        assertThat(seen.stream().filter(state -> state.get("phase").stringValue().equals("WRITING")
                        && state.get("rowsDone").longValue() > 0 && !state.get("secondsLeft").isNull()))
                .allSatisfy(state -> assertThat(state.get("secondsLeft").longValue()).isNotNegative());
    }

    @Test
    void reImportingTheSameFileChangesNothingAndReportsEveryRowUnchanged() {
        String csv = HEADER + ",faculty,password\n"
                + n(1) + ",M-" + n(1) + "," + n(1) + "@uni.example,Ada,About,ACTIVE,,Science,pw-" + prefix + "\n"
                + n(2) + ",,,Grace,,GRADUATED,https://p.uni.example/g.jpg,,\n";
        calls.importCsv(csv);
        JsonNode before = calls.student(n(1));
        String hashBefore = storedHash(n(1));

        JsonNode job = calls.importCsv(csv);

        assertReport(job, 2, 0, 0, 2, 0);
        assertThat(calls.student(n(1))).as("not written at all").isEqualTo(before);
        assertThat(storedHash(n(1))).as("the same password keeps its hash").isEqualTo(hashBefore);
    }

    @Test
    void passwordsFromTheFileVerifyThroughTheWebhookAndHashesAreStoredNotPasswords(CapturedOutput output) {
        String password = "Pässword with spaces, commas; and \"quotes\" " + prefix;
        String csv = "studentNumber,fullName,password\n" + n(1) + ",Ada,\"" + password.replace("\"", "\"\"") + "\"\n";

        JsonNode job = calls.importCsv(csv);

        assertReport(job, 1, 1, 0, 0, 0);
        String exam = Fixtures.unique("exam-");
        assertThat(fixtures.outcome(exam, n(1), password)).isEqualTo("verified");
        assertThat(fixtures.outcome(exam, n(1), password.strip() + "x")).isEqualTo("invalid_credentials");
        assertThat(storedHash(n(1))).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(job.toString()).doesNotContain(password);
        assertThat(output.getAll()).as("the job's own log is captured").contains("Student import")
                .doesNotContain(password).doesNotContain(storedHash(n(1)));
    }

    @Test
    void bcryptPasswordHashRowsAreStoredAsTheyAreAndVerify(CapturedOutput output) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("imported secret");
        String csv = "studentNumber;fullName;passwordHash\n" + n(1) + ";Ada;" + hash + "\n";

        JsonNode job = calls.importCsv(csv);

        assertReport(job, 1, 1, 0, 0, 0);
        assertThat(storedHash(n(1))).isEqualTo(hash);
        assertThat(fixtures.outcome(Fixtures.unique("exam-"), n(1), "imported secret")).isEqualTo("verified");
        assertThat(job.toString()).doesNotContain(hash);
        assertThat(output.getAll()).doesNotContain(hash);
    }

    @Test
    void aStoredPasswordIsKeptWhenTheRowHasNone() {
        fixtures.student(Map.of("studentNumber", n(1), "fullName", "Ada", "password", "kept-" + prefix));
        fixtures.student(Map.of("studentNumber", n(2), "fullName", "Bob", "password", "kept-" + prefix));

        calls.importCsv("studentNumber,fullName,password\n" + n(1) + ",Ada Obi,\n");
        calls.importCsv("studentNumber,fullName\n" + n(2) + ",Bob Obi\n");

        String exam = Fixtures.unique("exam-");
        assertThat(fixtures.outcome(exam, n(1), "kept-" + prefix)).isEqualTo("verified");
        assertThat(fixtures.outcome(exam, n(2), "kept-" + prefix)).isEqualTo("verified");
        assertThat(calls.student(n(1)).get("fullName").stringValue()).isEqualTo("Ada Obi");
    }

    @Test
    void aFileThatCannotBeImportedAtAllIsRefusedAtOnceAsAProblem() {
        Response noNumber = calls.postBody("fullName,email\nAda,ada@uni.example\n", "");
        Response empty = calls.postBody("", "");
        Response sameColumnTwice = calls.postBody("studentNumber,email,E-mail\n", "");

        for (Response refused : List.of(noNumber, empty, sameColumnTwice)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(noNumber.json().get("detail").stringValue()).contains("studentNumber");
        assertThat(noNumber.body()).doesNotContain("ada@uni.example");
    }

    @Test
    void rowsThatAreNotUtf8AreRejectedWithTheirLine() {
        byte[] latin1 = ("studentNumber,fullName\n" + n(1) + ",Ok\n" + n(2) + ",Jos\u00e9\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        JsonNode job = calls.await(ImportCalls.accepted(calls.postBody(latin1, "")));

        assertReport(job, 2, 1, 0, 0, 1);
        assertThat(rejections(job)).containsExactly(Map.entry(3L, "not UTF-8 text: save the file as \"CSV UTF-8\""));
        assertThat(calls.student(n(2))).isNull();
    }

    @Test
    void rowsWithANulCharacterAreRejectedWithTheirLineAndTheRestImported() {
        String csv = "studentNumber,fullName\n" + n(1) + ",Ok\n\"" + n(2) + "\u0000\",Nul In Number\n"
                + n(3) + ",Nul\u0000Name\n";

        JsonNode job = calls.importCsv(csv);

        assertThat(job.get("phase").stringValue()).isEqualTo("DONE");
        assertReport(job, 3, 1, 0, 0, 2);
        assertThat(rejections(job)).containsExactly(Map.entry(3L, "contains a NUL character or broken text"),
                Map.entry(4L, "contains a NUL character or broken text"));
        assertThat(calls.student(n(1))).isNotNull();
    }

    @Test
    void aFileThatIsNotValidCsvFailsWithTheLineBeforeWritingAnything() {
        String openQuote = "studentNumber,fullName\n" + n(1) + ",Ok\n" + n(2) + ",\"never closed\n";

        JsonNode job = calls.await(ImportCalls.accepted(calls.postBody(openQuote, "")));

        assertThat(job.get("phase").stringValue()).isEqualTo("FAILED");
        assertThat(job.get("failure").stringValue()).contains("not valid CSV").contains("line 3");
        assertThat(job.get("report").isNull()).isTrue();
        assertThat(calls.student(n(1))).isNull();
    }

    @Test
    void aJobWhoseInstanceStoppedIsMarkedFailedAndAnsweredFromTheTable() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into student_import_job (id, phase, dry_run, atomic, rows_done, rows_total, created_at,
                                                        instance_id, heartbeat_at)
                        values (?, 'WRITING', false, false, 500, 1000, now() - interval '1 hour', ?,
                                now() - interval '10 minutes')
                        """).params(id, UUID.randomUUID()).update();
        JsonNode before = http.admin("GET", ImportCalls.IMPORT + "/" + id, null).json();

        sweep.sweep();

        assertThat(before.get("phase").stringValue()).isEqualTo("WRITING");
        assertThat(before.get("percent").intValue()).isEqualTo(50);
        JsonNode after = http.admin("GET", ImportCalls.IMPORT + "/" + id, null).json();
        assertThat(after.get("phase").stringValue()).isEqualTo("FAILED");
        assertThat(after.get("failure").stringValue()).contains("instance running the import stopped");
        assertThat(after.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void importingNeedsAnAdminAndACsvBody() {
        Response anonymous = http.send("POST", ImportCalls.IMPORT, Map.of("Content-Type", "text/csv"),
                "studentNumber,fullName\n".getBytes(StandardCharsets.UTF_8));
        Response json = http.admin("POST", ImportCalls.IMPORT, "{\"studentNumber\": \"x\"}");
        Response unknownJob = http.admin("GET", ImportCalls.IMPORT + "/00000000-0000-0000-0000-000000000000", null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(json.status()).as(json.toString()).isEqualTo(415);
        assertThat(unknownJob.status()).isEqualTo(404);
        assertThat(unknownJob.contentType()).startsWith("application/problem+json");
    }

    private String n(int i) {
        return prefix + "-" + i;
    }

    private String storedHash(String studentNumber) {
        return jdbc.sql("select password_hash from student where student_number = ?").param(studentNumber)
                .query(String.class).single();
    }

    private static void assertReport(JsonNode job, long rows, long created, long updated, long unchanged,
            long rejected) {
        JsonNode report = job.get("report");
        assertThat(report).as(job.toString()).isNotNull();
        assertThat(report.get("rows").longValue()).as(job.toString()).isEqualTo(rows);
        assertThat(report.get("created").longValue()).as(job.toString()).isEqualTo(created);
        assertThat(report.get("updated").longValue()).as(job.toString()).isEqualTo(updated);
        assertThat(report.get("unchanged").longValue()).as(job.toString()).isEqualTo(unchanged);
        assertThat(report.get("rejected").longValue()).as(job.toString()).isEqualTo(rejected);
    }
}
