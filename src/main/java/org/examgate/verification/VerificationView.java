package org.examgate.verification;

import java.time.Instant;
import java.util.UUID;

/**
 * One verification as the audit trail shows it.
 *
 * @param identifier the identifier as typed, masked
 * @param outcome the outcome code of contract 1.3, e.g. {@code invalid_credentials}
 */
record VerificationView(UUID id, Instant occurredAt, String examId, UUID studentId, String identifier,
        String outcome, String language, int latencyMs) {
}
