package org.examgate.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** A refused student is answered over the webhook in the language chosen on the platform. */
@ExamgateTest
class VerificationLanguageTest {

    private static final String PASSWORD = "the right password";

    @Autowired
    Http http;

    /** A wrong password from a newly registered student (one per call, so no lockout builds up). */
    private JsonNode wrongPassword(String languageMember, Object language) {
        String number = new Fixtures(http).student(PASSWORD).get("studentNumber").stringValue();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "verify_respondent");
        body.put("exam_id", Fixtures.unique("exam-"));
        body.put("fields", List.of(Map.of("position", 0, "value", number), Map.of("position", 1, "value", "wrong")));
        body.put(languageMember, language);
        Http.Response response = http.webhook(Http.json(body));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).containsIgnoringCase("json");
        JsonNode answer = response.json();
        assertThat(answer.has("metadata")).isFalse();
        assertThat(answer.get("errorCode").stringValue()).isEqualTo("invalid_credentials");
        return answer;
    }

    private String message(String languageMember, Object language) {
        return wrongPassword(languageMember, language).get("errorMessage").stringValue();
    }

    @Test
    void aWrongPasswordIsAnsweredInRussian() {
        assertThat(message("choosenLang", "ru")).isEqualTo("Идентификатор, пароль или код доступа указаны неверно.");
    }

    @Test
    void brazilianPortugueseFallsBackToPortuguese() {
        assertThat(message("choosenLang", "pt-BR"))
                .isEqualTo("O identificador, a senha ou o código de acesso não está correto.");
    }

    @Test
    void theCorrectlySpelledMemberIsReadToo() {
        assertThat(message("chosenLang", "zh_CN")).isEqualTo("您输入的账号、密码或访问码不正确。");
    }

    @Test
    void anUnknownLanguageIsAnsweredInEnglish() {
        String english = "The identifier, password or access code you entered is not correct.";
        assertThat(message("choosenLang", "xx-YY")).isEqualTo(english);
        assertThat(message("choosenLang", "../../etc")).isEqualTo(english);
        assertThat(message("choosenLang", 42)).isEqualTo(english);
        assertThat(message("choosenLang", "")).isEqualTo(english);
    }
}
