package org.examgate.webhook;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.examgate.support.HostileText;

/** JSON written by hand, so that it can hold what a JSON library would not write: duplicate keys, huge numbers. */
final class RandomJson {

    private RandomJson() {
    }

    /** A JSON string literal; lone surrogates and control characters as escapes, everything else as it is. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (Character.isSurrogate(c) && !paired)) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (paired) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Any value at all: the wrong type for whatever member it lands in, more often than not. */
    static String value(SplittableRandom random, int depth) {
        return switch (random.nextInt(depth >= 3 ? 6 : 8)) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> String.valueOf(random.nextBoolean() ? random.nextInt(3) : random.nextLong());
            case 3 -> HostileText.hugeNumber(random);
            case 4 -> quote(HostileText.nasty(random));
            case 5 -> quote(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
            case 6 -> IntStream.range(0, random.nextInt(4)).mapToObj(i -> value(random, depth + 1))
                    .collect(Collectors.joining(",", "[", "]"));
            default -> object(IntStream.range(0, random.nextInt(4))
                    .mapToObj(i -> member(HostileText.nasty(random), value(random, depth + 1))).toList());
        };
    }

    static String member(String key, String value) {
        return quote(key) + ":" + value;
    }

    static String object(List<String> members) {
        return "{" + String.join(",", members) + "}";
    }
}
