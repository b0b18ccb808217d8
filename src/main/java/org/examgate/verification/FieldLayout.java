package org.examgate.verification;

import org.examgate.exam.ExamPolicy;
import org.examgate.exam.FieldKind;

/** Reads the typed values out of a request by the exam's field layout. */
final class FieldLayout {

    /** Longer than any identifier examgate stores; such a value can only be wrong. */
    static final int MAX_IDENTIFIER_LENGTH = 254;
    /** Longer than any password examgate accepts; such a value can only be wrong. */
    static final int MAX_PASSWORD_LENGTH = 1024;

    private FieldLayout() {
    }

    static Credentials read(ExamPolicy policy, VerificationRequest request) {
        String identifier = policy.positionOf(FieldKind.IDENTIFIER).map(request::value).map(String::strip).orElse(null);
        String password = policy.positionOf(FieldKind.PASSWORD).map(request::value).orElse(null);
        String code = policy.positionOf(FieldKind.ACCESS_CODE).map(request::value).map(String::strip).orElse(null);
        return new Credentials(policy, identifier, password, code);
    }

    /** The identifier and code stripped of surrounding whitespace; the password exactly as typed. */
    record Credentials(ExamPolicy policy, String identifier, String password, String code) {

        boolean complete() {
            return present(FieldKind.IDENTIFIER, identifier) && present(FieldKind.PASSWORD, password)
                    && present(FieldKind.ACCESS_CODE, code);
        }

        boolean hasIdentifier() {
            return identifier != null && !identifier.isEmpty();
        }

        private boolean present(FieldKind kind, String value) {
            return !policy.asks(kind) || (value != null && !value.isEmpty());
        }

        @Override
        public String toString() {
            return "Credentials[***]";
        }
    }
}
