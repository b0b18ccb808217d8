package org.examgate.verification;

import java.util.Map;

/**
 * What the student typed into the exam's welcome page.
 *
 * @param examId the platform's exam id, or null if it sent none
 * @param valuesByPosition the typed values by field position; absent positions are missing
 * @param language the language the student chose, as the platform sent it (may be null)
 */
public record VerificationRequest(String examId, Map<Integer, String> valuesByPosition, String language) {

    public VerificationRequest {
        valuesByPosition = Map.copyOf(valuesByPosition);
    }

    String value(int position) {
        return valuesByPosition.get(position);
    }

    @Override
    public String toString() {
        // The values hold credentials.
        return "VerificationRequest[exam=" + examId + ", fields=" + valuesByPosition.keySet() + "]";
    }
}
