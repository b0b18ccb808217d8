package org.examgate.verification;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The answer to one verification: an outcome, and for a verified student what the platform is told.
 *
 * @param verificationId the id of this verification in the audit trail
 * @param retryAfter for {@link Outcome#LOCKED}, when the identifier may try again
 */
public record VerificationResult(UUID verificationId, Outcome outcome, Optional<Respondent> respondent,
        Optional<Instant> retryAfter) {

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }

    static VerificationResult refused(UUID verificationId, Outcome outcome) {
        return new VerificationResult(verificationId, outcome, Optional.empty(), Optional.empty());
    }

    /**
     * The verified student as the platform's {@code metadata} shows it; absent values are null.
     *
     * @param data the student's attributes plus {@code studentNumber} and {@code verificationId}
     */
    public record Respondent(String name, String email, String photo, String about, Map<String, Object> data) {
    }
}
