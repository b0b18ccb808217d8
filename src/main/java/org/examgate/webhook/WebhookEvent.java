package org.examgate.webhook;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.examgate.api.SafeText;
import org.examgate.verification.VerificationRequest;

import tools.jackson.databind.JsonNode;

/**
 * Reads the members of a parsed webhook body. The platform's JSON is taken as leniently as is safe:
 * unknown members are ignored, numbers are accepted where text is expected, and anything that cannot
 * be an identifier becomes "missing" rather than an error.
 */
record WebhookEvent(JsonNode body) {

    static final int MAX_ID_LENGTH = 256;
    static final int MAX_POSITION = 1000;
    private static final long EARLIEST_MILLIS = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
    private static final long LATEST_MILLIS = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();

    /**
     * The event name, or empty if absent; a non-text {@code event} is a bad request. Control characters
     * are left out before the name is matched, not only when it is stored (the event log cannot hold a
     * NUL): otherwise result_ready followed by a NUL would be an unknown event when matched and a
     * result_ready without its ids when stored.
     */
    Optional<String> name() {
        JsonNode event = body.get("event");
        if (event == null || event.isNull()) {
            return Optional.empty();
        }
        if (!event.isString()) {
            throw new BadWebhookRequest("event must be a string");
        }
        return Optional.of(event.stringValue().replaceAll("\\p{Cntrl}", ""));
    }

    /** A required id of a notification, checked so it can be stored and shown safely. */
    String requiredId(String member) {
        return optionalId(member).orElseThrow(() -> new BadWebhookRequest(member + " is missing"));
    }

    Optional<String> optionalId(String member) {
        Optional<String> text = scalarText(body.get(member)).map(String::strip).filter(value -> !value.isEmpty());
        text.ifPresent(value -> {
            if (value.length() > MAX_ID_LENGTH) {
                throw new BadWebhookRequest(member + " is longer than " + MAX_ID_LENGTH + " characters");
            }
            if (value.chars().anyMatch(Character::isISOControl) || !SafeText.isSafe(value)) {
                throw new BadWebhookRequest(member + " contains control characters or broken text");
            }
        });
        return text;
    }

    /**
     * {@code admittedOn}: epoch milliseconds, as a whole number (also written {@code 1.0e12} or as
     * numeric text). Empty when absent or unusable: the notification is still kept, because refusing
     * it would make the platform deliver it again forever, and its time of arrival stands in.
     */
    Optional<Instant> admittedOn() {
        JsonNode node = body.get("admittedOn");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        OptionalLong millis = OptionalLong.empty();
        if (node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToLong()) {
            millis = OptionalLong.of(node.longValue());
        } else if (node.isString() && node.stringValue().strip().matches("\\d{1,15}")) {
            millis = OptionalLong.of(Long.parseLong(node.stringValue().strip()));
        }
        if (millis.isEmpty() || millis.getAsLong() < EARLIEST_MILLIS || millis.getAsLong() > LATEST_MILLIS) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(millis.getAsLong()));
    }

    /** Whether the body carries an {@code admittedOn} that {@link #admittedOn()} could not use. */
    boolean hasUnusableAdmittedOn() {
        JsonNode node = body.get("admittedOn");
        return node != null && !node.isNull() && admittedOn().isEmpty();
    }

    VerificationRequest verificationRequest() {
        Map<Integer, String> values = new HashMap<>();
        JsonNode fields = body.get("fields");
        if (fields != null && fields.isArray()) {
            for (JsonNode field : fields) {
                JsonNode position = field.get("position");
                if (position == null || !position.isIntegralNumber() || !position.canConvertToInt()) {
                    continue;
                }
                int at = position.intValue();
                if (at >= 0 && at <= MAX_POSITION) {
                    scalarText(field.get("value")).ifPresent(value -> values.putIfAbsent(at, value));
                }
            }
        }
        String examId = scalarText(body.get("exam_id")).map(WebhookEvent::clip).orElse(null);
        String language = scalarText(body.get("choosenLang"))
                .or(() -> scalarText(body.get("chosenLang")))
                .map(WebhookEvent::clip)
                .orElse(null);
        return new VerificationRequest(examId, values, language);
    }

    private static Optional<String> scalarText(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isString()) {
            return Optional.of(node.stringValue());
        }
        if (node.isNumber()) {
            return Optional.of(node.asString());
        }
        return Optional.empty();
    }

    /** Audit columns are bounded; control characters never reach them. */
    private static String clip(String value) {
        String clean = value.strip().replaceAll("\\p{Cntrl}", "");
        return clean.length() <= MAX_ID_LENGTH ? clean : clean.substring(0, MAX_ID_LENGTH);
    }
}
