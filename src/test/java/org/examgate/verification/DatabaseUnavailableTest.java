package org.examgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** With the database gone, a student is told to try again shortly, never shown an error. */
@ExamgateTest
@TestPropertySource(properties = "examgate.test.context=database-unavailable")
@DirtiesContext
class DatabaseUnavailableTest {

    @Autowired
    Http http;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aVerificationWithoutTheDatabaseIsAnsweredUnavailable() throws Exception {
        postgres.close();

        Http.Response response = http.webhook(Fixtures.verifyBody("exam-x", 0, "U2024/0042", 1, "pw"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("errorCode").stringValue()).isEqualTo("unavailable");
        assertThat(body.get("errorMessage").stringValue()).contains("try again");
    }
}
