package org.examgate.verification;

/**
 * Which welcome-page field holds which value. Until exams carry their own layout, every exam uses
 * the platform's default: position 0 the identifier, position 1 the password.
 */
record FieldLayout(int identifierPosition, int passwordPosition) {

    static final FieldLayout DEFAULT = new FieldLayout(0, 1);

    Credentials read(VerificationRequest request) {
        String identifier = request.value(identifierPosition);
        return new Credentials(identifier == null ? null : identifier.strip(), request.value(passwordPosition));
    }

    /** The identifier, stripped of surrounding whitespace, and the password exactly as typed. */
    record Credentials(String identifier, String password) {

        boolean complete() {
            return identifier != null && !identifier.isEmpty() && password != null && !password.isEmpty();
        }

        @Override
        public String toString() {
            return "Credentials[***]";
        }
    }
}
