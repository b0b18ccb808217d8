package org.examgate.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Damage done to a valid body, as a broken client, proxy or disk would do it. */
public final class Mutations {

    /** Pieces that change how JSON or CSV is read, rather than just what a value says. */
    private static final List<String> TOKENS = List.of("\"", "{", "}", "[", "]", ",", ":", ";", "\\", "\\u0000",
            "\\ud800", "\\udc00", "null", "true", "-", "1e999999999", "\n", "\r\n", "\r", "\u0000", "\uFEFF",
            "\"\"", "'", "\t", "/*", "#", "=", "\u2028", "%00");

    private Mutations() {
    }

    /** One to four mutations stacked on each other. */
    public static byte[] mutate(SplittableRandom random, byte[] valid) {
        byte[] body = valid;
        int times = 1 + random.nextInt(4);
        for (int i = 0; i < times; i++) {
            body = once(random, body);
        }
        return body;
    }

    private static byte[] once(SplittableRandom random, byte[] body) {
        if (body.length == 0) {
            return insert(body, 0, token(random));
        }
        int at = random.nextInt(body.length);
        return switch (random.nextInt(7)) {
            case 0 -> withByte(body, at, (byte) (body[at] ^ (1 << random.nextInt(8))));
            case 1 -> withByte(body, at, (byte) random.nextInt(256));
            case 2 -> Arrays.copyOf(body, at);
            case 3 -> insert(body, at, token(random));
            case 4 -> insert(body, at, HostileText.invalidUtf8(random));
            case 5 -> remove(body, at, Math.min(body.length - at, 1 + random.nextInt(16)));
            default -> insert(body, at,
                    Arrays.copyOfRange(body, at, Math.min(body.length, at + 1 + random.nextInt(64))));
        };
    }

    private static byte[] token(SplittableRandom random) {
        return TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withByte(byte[] body, int at, byte value) {
        byte[] copy = body.clone();
        copy[at] = value;
        return copy;
    }

    private static byte[] insert(byte[] body, int at, byte[] piece) {
        byte[] copy = new byte[body.length + piece.length];
        System.arraycopy(body, 0, copy, 0, at);
        System.arraycopy(piece, 0, copy, at, piece.length);
        System.arraycopy(body, at, copy, at + piece.length, body.length - at);
        return copy;
    }

    private static byte[] remove(byte[] body, int at, int length) {
        byte[] copy = new byte[body.length - length];
        System.arraycopy(body, 0, copy, 0, at);
        System.arraycopy(body, at + length, copy, at, body.length - at - length);
        return copy;
    }
}
