package org.examgate.inbox;

import java.time.Instant;
import java.util.Optional;

/**
 * One delivery as the journal keeps it: everything needed to store it later exactly as if the
 * database had answered at the time, including when it arrived.
 *
 * @param event the event's wire name; one examgate does not know is kept too
 * @param occurredAt when the platform says it happened ({@code admittedOn}), or null
 * @param payload the body as JSON text
 */
record JournalEntry(String event, String examId, String respondentId, Instant occurredAt, String payload,
        Instant receivedAt) {

    static JournalEntry of(Notification notification, Instant receivedAt) {
        return new JournalEntry(notification.type().wireName(), notification.examId(), notification.respondentId(),
                notification.occurredAt(), notification.payload(), receivedAt);
    }

    static JournalEntry unknown(String event, String examId, String respondentId, String payload, Instant receivedAt) {
        return new JournalEntry(event, examId, respondentId, null, payload, receivedAt);
    }

    /** The notification, or empty for an event examgate does not know. */
    Optional<Notification> notification() {
        return NotificationType.fromWireName(event)
                .map(type -> new Notification(type, examId, respondentId, occurredAt, payload));
    }

    /** What the webhook answers for this delivery once it is kept. */
    Receipt receipt() {
        return notification().isPresent() ? Receipt.RECEIVED : Receipt.IGNORED;
    }
}
