package org.examgate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExamgateTest
class RetentionPurgeTest {

    @Autowired
    RetentionPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Http http;

    @Test
    void oldPayloadsAndVerificationsGoWhileTimelinesAndRecentRecordsStay() {
        String exam = "exam-retention-" + UUID.randomUUID();
        String respondent = "r-old";
        assertThat(http.webhook("{\"event\":\"result_ready\",\"exam_id\":\"" + exam + "\",\"respondent_id\":\""
                + respondent + "\"}").status()).isEqualTo(200);
        assertThat(http.webhook("{\"event\":\"result_ready\",\"exam_id\":\"" + exam + "\",\"respondent_id\":\"r-new\"}")
                .status()).isEqualTo(200);
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(181)));
        jdbc.sql("update webhook_event set received_at = ? where exam_id = ? and respondent_id = ?")
                .params(longAgo, exam, respondent).update();
        UUID oldVerification = UUID.randomUUID();
        UUID newVerification = UUID.randomUUID();
        jdbc.sql("insert into verification_attempt (id, occurred_at, exam_id, outcome, latency_ms) values (?, ?, ?, 'busy', 1)")
                .params(oldVerification, longAgo, exam).update();
        jdbc.sql("insert into verification_attempt (id, occurred_at, exam_id, outcome, latency_ms) values (?, now(), ?, 'busy', 1)")
                .params(newVerification, exam).update();

        purge.purge();

        assertThat(jdbc.sql("select respondent_id from webhook_event where exam_id = ?").param(exam)
                .query(String.class).list()).containsExactly("r-new");
        assertThat(jdbc.sql("select id from verification_attempt where exam_id = ?").param(exam)
                .query(UUID.class).list()).containsExactly(newVerification);
        assertThat(jdbc.sql("select count(*) from respondent_timeline where exam_id = ?").param(exam)
                .query(Long.class).single()).as("timelines are kept").isEqualTo(2);
    }
}
