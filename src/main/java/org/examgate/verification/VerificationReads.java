package org.examgate.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.examgate.api.SafeText;
import org.examgate.exam.AccessCodes;
import org.examgate.exam.ExamPolicy;
import org.examgate.lockout.LockoutScope;
import org.examgate.lockout.Lockouts;
import org.examgate.student.IdentifierKind;
import org.examgate.student.RegisteredStudent;
import org.examgate.student.StudentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Everything a verification reads, in one round trip: the identifier's lockout row, the students it
 * may name, and for each of them the stored photo's version, the access code for the exam and the
 * enrollment. This is the exam-day hot path, so it reads the tables of the lockout, student, exam
 * and photo features directly, as a read model; those features alone write them. A separate query per
 * feature, each in its own transaction, cost most of an access-code verification's time.
 */
@Repository
class VerificationReads {

    private static final String STUDENT_COLUMNS = """
            s.id, s.student_number, s.full_name, s.email, s.about, s.photo_url, s.status,
            s.attributes::text as attributes, s.password_hash, p.version as photo_version, c.code_hash,
            exists (select 1 from exam_enrollment e where e.exam_id = :exam and e.student_id = s.id) as enrolled
            """;

    private final JdbcClient jdbc;
    private final Lockouts lockouts;
    private final AccessCodes codes;
    private final Clock clock;

    VerificationReads(JdbcClient jdbc, Lockouts lockouts, AccessCodes codes, Clock clock) {
        this.jdbc = jdbc;
        this.lockouts = lockouts;
        this.codes = codes;
        this.clock = clock;
    }

    /** The identifier's lockout standing and the students it may name, most specific kind first. */
    Lookup byIdentifier(ExamPolicy policy, String identifier) {
        Instant now = clock.instant();
        String value = identifier == null ? "" : identifier.strip();
        // Values no student can have never reach a comparison: they name nobody, but are locked out alike.
        boolean searchable = !value.isEmpty() && SafeText.isSafe(value) && value.length() <= FieldLayout.MAX_IDENTIFIER_LENGTH;
        Set<IdentifierKind> kinds = policy.identifierKinds();
        List<Row> rows = jdbc.sql("""
                select l.locked_until, l.subject_hash is not null as has_lockout, %s
                  from (select 1) as one
                  left join lockout l on l.subject_hash = :subject
                  left join lateral (
                        select * from student
                         where (:byNumber and student_number = :identifier)
                            or (:byMatric and matric_number = :identifier)
                            or (:byEmail and lower(email) = lower(:identifier))
                         limit 3) s on true
                  left join student_photo p on p.student_id = s.id
                  left join access_code c on c.exam_id = :exam and c.student_id = s.id
                 order by case when s.student_number = :identifier then 0
                               when s.matric_number = :identifier then 1
                               else 2 end
                """.formatted(STUDENT_COLUMNS))
                .param("subject", lockouts.subject(LockoutScope.STUDENT, identifier))
                .param("identifier", searchable ? value : "")
                .param("byNumber", searchable && kinds.contains(IdentifierKind.STUDENT_NUMBER))
                .param("byMatric", searchable && kinds.contains(IdentifierKind.MATRIC_NUMBER))
                .param("byEmail", searchable && kinds.contains(IdentifierKind.EMAIL))
                .param("exam", policy.examId())
                .query((rs, row) -> new Row(rs.getBoolean("has_lockout")
                        ? Lockouts.Standing.recorded(rs.getTimestamp("locked_until"), now) : Lockouts.Standing.NONE,
                        candidate(rs)))
                .list();
        return new Lookup(rows.get(0).standing(),
                rows.stream().map(Row::candidate).flatMap(Optional::stream).toList());
    }

    /** For exams that ask no identifier: the student whose current code for the exam was typed. */
    Optional<Candidate> byCode(ExamPolicy policy, String typedCode) {
        return jdbc.sql("""
                select %s
                  from access_code c
                  join student s on s.id = c.student_id
                  left join student_photo p on p.student_id = s.id
                 where c.exam_id = :exam and c.code_hash = :code
                """.formatted(STUDENT_COLUMNS))
                .param("exam", policy.examId())
                .param("code", codes.keyedHash(policy.examId(), typedCode))
                .query((rs, row) -> candidate(rs))
                .optional()
                .flatMap(found -> found);
    }

    private static Optional<Candidate> candidate(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        if (id == null) {
            return Optional.empty();
        }
        RegisteredStudent student = new RegisteredStudent(id, rs.getString("student_number"), rs.getString("full_name"),
                rs.getString("email"), rs.getString("about"), rs.getString("photo_url"),
                StudentStatus.valueOf(rs.getString("status")), rs.getString("attributes"), rs.getString("password_hash"));
        return Optional.of(new Candidate(student, Optional.ofNullable(rs.getString("photo_version")),
                rs.getString("code_hash"), rs.getBoolean("enrolled")));
    }

    /** What one round trip found for a typed identifier. */
    record Lookup(Lockouts.Standing standing, List<Candidate> candidates) {
    }

    /**
     * A student the typed credentials may name, with what deciding and answering about them needs.
     *
     * @param codeHash the keyed hash of the student's current access code for the exam, if any
     */
    record Candidate(RegisteredStudent student, Optional<String> photoVersion, String codeHash, boolean enrolled) {

        @Override
        public String toString() {
            return "Candidate[" + student.id() + "]";
        }
    }

    private record Row(Lockouts.Standing standing, Optional<Candidate> candidate) {
    }
}
