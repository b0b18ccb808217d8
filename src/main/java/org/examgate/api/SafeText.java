package org.examgate.api;

/**
 * Text PostgreSQL can store as it was given. A NUL character is refused by the database, and an
 * unpaired UTF-16 surrogate is silently stored as "?", so that two different values would become
 * one: both are refused at the edge instead.
 */
public final class SafeText {

    private SafeText() {
    }

    public static boolean isSafe(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
