package org.examgate.support;

/**
 * One generated request: its body, the Content-Type it is sent with (null: none) and a query string.
 *
 * @param kind what the generator meant to test, so that a failure and the run's tally say what was thrown
 */
public record HostileBody(String kind, String contentType, String query, byte[] bytes) {

    public HostileBody(String kind, String contentType, byte[] bytes) {
        this(kind, contentType, "", bytes);
    }

    private static final int PREVIEW_BYTES = 1_000;

    public HostileBody withBytes(byte[] other) {
        return new HostileBody(kind, contentType, query, other);
    }

    /** Printable ASCII as it is and every other byte as \xNN, so that a failing body can be pasted into a test. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, PREVIEW_BYTES); i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\\') {
                text.append("\\\\");
            } else if (b >= 0x20 && b < 0x7F) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b));
            }
        }
        String more = bytes.length > PREVIEW_BYTES ? "... (" + (bytes.length - PREVIEW_BYTES) + " more bytes)" : "";
        return kind + ", " + bytes.length + " bytes, Content-Type " + contentType + ", query '" + query + "': " + text
                + more;
    }
}
