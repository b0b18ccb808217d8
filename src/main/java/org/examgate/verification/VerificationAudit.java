package org.examgate.verification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.examgate.student.StudentDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The verification audit trail: one row per verification, never a password or an unmasked identifier. */
@Repository
class VerificationAudit {

    private final JdbcClient jdbc;

    VerificationAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID id, Instant at, String examId, UUID studentId, String maskedIdentifier, Outcome outcome,
            String language, long latencyMillis) {
        jdbc.sql("""
                insert into verification_attempt
                    (id, occurred_at, exam_id, student_id, identifier_masked, outcome, language, latency_ms)
                values (:id, :at, :examId, :studentId, :identifier, :outcome, :language, :latency)
                """)
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("examId", examId)
                .param("studentId", studentId)
                .param("identifier", maskedIdentifier)
                .param("outcome", outcome.code())
                .param("language", language == null || language.length() <= 16 ? language : language.substring(0, 16))
                .param("latency", (int) Math.min(Integer.MAX_VALUE, latencyMillis))
                .update();
    }

    /**
     * Keeps a deleted student's attempts as anonymous records (exam, outcome, time) but drops what ties
     * them to the person: the student id, and the masked identifier, whose visible characters could
     * still be matched against a class list.
     */
    @EventListener
    void anonymise(StudentDeletion deletion) {
        jdbc.sql("update verification_attempt set student_id = null, identifier_masked = null where student_id = ?")
                .param(deletion.studentId())
                .update();
    }
}
