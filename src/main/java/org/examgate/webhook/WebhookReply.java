package org.examgate.webhook;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.examgate.verification.VerificationResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The webhook's answers, in the platform's wire format. */
final class WebhookReply {

    private WebhookReply() {
    }

    static ResponseEntity<Object> error(HttpStatus status, String message) {
        return json(status, new ErrorBody(message, null));
    }

    static ResponseEntity<Object> refused(String message, String code) {
        return json(HttpStatus.OK, new ErrorBody(message, code));
    }

    /**
     * {@code busy}: examgate is overloaded, so the connection is closed after the answer rather than
     * kept open idle. A burst of thousands of connections then holds memory only while its requests
     * are being answered, and the slots go to the students still waiting to be accepted.
     */
    static ResponseEntity<Object> busy(String message, String code) {
        return ResponseEntity.status(HttpStatus.OK).header(HttpHeaders.CONNECTION, "close")
                .contentType(MediaType.APPLICATION_JSON).body(new ErrorBody(message, code));
    }

    static ResponseEntity<Object> verified(VerificationResult.Respondent respondent) {
        return json(HttpStatus.OK, new VerifiedBody(new Metadata(respondent.name(), respondent.email(),
                respondent.photo(), respondent.about(), respondent.data())));
    }

    static ResponseEntity<Object> status(String status) {
        return json(HttpStatus.OK, Map.of("status", status));
    }

    private static ResponseEntity<Object> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorBody(String errorMessage, String errorCode) {
    }

    record VerifiedBody(Metadata metadata) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Metadata(String name, String email, String photo, String about, Map<String, Object> data) {
    }
}
