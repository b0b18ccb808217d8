package org.examgate.verification;

import java.util.Locale;

/** What a verification decided. Every outcome but {@link #VERIFIED} is a refusal the student sees. */
public enum Outcome {
    VERIFIED,
    MISSING_CREDENTIALS,
    INVALID_CREDENTIALS,
    LOCKED,
    ACCOUNT_INACTIVE,
    NOT_ENROLLED,
    EXAM_NOT_OPEN,
    EXAM_CLOSED,
    UNKNOWN_EXAM,
    BUSY,
    UNAVAILABLE;

    /** The stable machine-readable code of contract 1.3, e.g. {@code invalid_credentials}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
