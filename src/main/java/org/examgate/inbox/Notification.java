package org.examgate.inbox;

import java.time.Instant;

/**
 * One notification as received.
 *
 * @param occurredAt when the platform says it happened ({@code admittedOn}), or null
 * @param payload the body as JSON text, kept as received for the event log
 */
public record Notification(NotificationType type, String examId, String respondentId, Instant occurredAt,
        String payload) {
}
