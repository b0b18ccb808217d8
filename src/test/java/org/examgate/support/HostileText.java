package org.examgate.support;

import java.util.List;
import java.util.SplittableRandom;

/** The raw material of hostile bodies, whatever their format. */
public final class HostileText {

    /** Each is not UTF-8: a lone continuation byte, overlong forms, surrogates, past U+10FFFF, cut short. */
    private static final List<byte[]> NOT_UTF8 = List.of(bytes(0x80), bytes(0xBF), bytes(0xC3, 0x28),
            bytes(0xE2, 0x28, 0xA1), bytes(0xE2, 0x82, 0x28), bytes(0xF0, 0x28, 0x8C, 0xBC), bytes(0xC0, 0x80),
            bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF), bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF),
            bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xFE), bytes(0xFF),
            bytes(0xE2, 0x82), bytes(0xF0, 0x9F, 0x98), bytes(0xC3));

    private static final List<String> HUGE_NUMBERS = List.of("1e999999999", "-1e-999999999", "1E+2147483648",
            "123456789012345678901234567890", "9223372036854775808", "-9223372036854775809", "2147483648",
            "1.7976931348623157e309", "4.9e-325", "-0", "0.0", "1" + "0".repeat(5_000), "0." + "0".repeat(2_000) + "1",
            "1" + "1".repeat(999), "NaN", "Infinity", "-Infinity", "0x10", "01", "1.", ".5", "+1", "1e", "--1");

    /** Text that has broken someone's storage, logs or queries before. */
    private static final List<String> NASTY = List.of("", " ", "\u0000", "a\u0000b", "\ud800", "\udc00x",
            "\u202Eevil", "😀", "\uFEFF", "\r\n", "\t", "' OR '1'='1", "\"; drop table student; --",
            "../../etc/passwd",
            "<script>alert(1)</script>", "%s%n%x", "${jndi:ldap://x/a}", "\\", "null", "NULL", "true", "-1", "٣",
            "ＡＢＣ", "e\u0301", "\u0085", "\u2028");

    private static final List<String> LONG_UNITS = List.of("x", "é", "€", "😀", " ", "\\", "\"", ",", "\u0000");

    private HostileText() {
    }

    public static byte[] invalidUtf8(SplittableRandom random) {
        return NOT_UTF8.get(random.nextInt(NOT_UTF8.size())).clone();
    }

    /** A JSON number literal that does not fit, or is not a number JSON allows at all. */
    public static String hugeNumber(SplittableRandom random) {
        return HUGE_NUMBERS.get(random.nextInt(HUGE_NUMBERS.size()));
    }

    public static String nasty(SplittableRandom random) {
        return NASTY.get(random.nextInt(NASTY.size()));
    }

    /** From a thousand characters to past the webhook's 256 KiB limit. */
    public static String longText(SplittableRandom random) {
        int[] lengths = {1_000, 10_000, 100_000, 250_000, 300_000};
        String unit = LONG_UNITS.get(random.nextInt(LONG_UNITS.size()));
        return unit.repeat(lengths[random.nextInt(lengths.length)] / unit.length());
    }

    /** JSON nested up to 100,000 levels deep, closed or left open. */
    public static String deepNesting(SplittableRandom random) {
        int[] depths = {600, 5_000, 100_000};
        int depth = depths[random.nextInt(depths.length)];
        return switch (random.nextInt(5)) {
            case 0 -> "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "[".repeat(depth);
            case 2 -> "{\"a\":".repeat(Math.min(depth, 50_000)) + "1" + "}".repeat(Math.min(depth, 50_000));
            case 3 -> "{\"a\":".repeat(depth);
            default -> "[{\"a\":".repeat(depth / 2) + "null" + "}]".repeat(depth / 2);
        };
    }

    public static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(2_048)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
