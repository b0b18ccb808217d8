package org.examgate.webhook;

import static org.examgate.webhook.RandomJson.member;
import static org.examgate.webhook.RandomJson.object;
import static org.examgate.webhook.RandomJson.quote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.examgate.support.HostileBody;
import org.examgate.support.HostileText;
import org.examgate.support.Mutations;

/**
 * What the platform sends, bent out of shape in every way a body could arrive.
 *
 * @param samples the contract's sample bodies, with ids of this run so that no other test sees them
 * @param examIds unknown and registered exams
 * @param identifiers a few, never the known student's: their lockouts bound how many hashes the run costs
 * @param student the known student's identifier and password, sent only together so it never gets locked out
 */
record HostileWebhookBodies(List<byte[]> samples, List<String> examIds, List<String> identifiers,
        List<String> student) {

    private static final List<String> KNOWN_EVENTS = List.of("verify_respondent", "admitted_respondent",
            "result_ready", "investigation_complete");
    private static final List<String> OTHER_EVENTS = List.of("proctor_flagged", "", " ", "VERIFY_RESPONDENT",
            " result_ready", "result_ready\u0000", "\ud800", "e".repeat(300));
    private static final List<String> LANGUAGES = List.of("en", "ru", "pt-BR", "zh", "ar", "zz", "", "EN", "en_US",
            "x".repeat(40), "../../messages");
    private static final List<String> CONTENT_TYPES = Arrays.asList(null, "application/json; charset=utf-8",
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "multipart/form-data", "application/json; charset=ISO-8859-1", "application/octet-stream", "garbage",
            "application/json;;;=", "*/*", "text/csv", "application/json; charset=nonsense");
    private static final List<String> NOT_OBJECTS = List.of("", " ", "\n\t ", "null", "[]", "{}", "42", "true",
            "\"verify_respondent\"", "\uFEFF{\"event\":\"result_ready\"}", "{", "}", "{\"event\":\"result_ready\"}x",
            "{}{}", "/* c */{}", "{'event':'result_ready'}", "{\"event\":\"verify_respondent\",}", "[{\"event\":1}]");

    HostileBody next(SplittableRandom random) {
        String contentType = random.nextInt(4) == 0 ? pick(random, CONTENT_TYPES) : "application/json";
        int roll = random.nextInt(100);
        if (roll < 30) {
            return new HostileBody("sample mutation", contentType, Mutations.mutate(random, pick(random, samples)));
        }
        if (roll < 62) {
            return text("wrong types and nulls", contentType, object(members(random)));
        }
        if (roll < 70) {
            return text("duplicate keys", contentType, object(withDuplicates(random, members(random))));
        }
        if (roll < 77) {
            return new HostileBody("invalid UTF-8", contentType, withInvalidUtf8(random));
        }
        if (roll < 81) {
            return text("deep nesting", contentType, deep(random));
        }
        if (roll < 85) {
            return text("thousands of members", contentType, thousands(random));
        }
        if (roll < 89) {
            return text("very long strings", contentType, longStrings(random));
        }
        if (roll < 94) {
            return text("empty or not an object", contentType, pick(random, NOT_OBJECTS));
        }
        return new HostileBody("random bytes", contentType, HostileText.randomBytes(random));
    }

    private List<String> members(SplittableRandom random) {
        List<String> members = new ArrayList<>();
        maybe(random, members, "event",
                random.nextInt(5) > 0 ? pick(random, KNOWN_EVENTS) : pick(random, OTHER_EVENTS));
        maybe(random, members, "exam_id", pick(random, examIds));
        maybe(random, members, "respondent_id", "r-" + random.nextInt(20));
        maybe(random, members, "admittedOn", 1_719_221_380_326L + random.nextLong(-1L << 40, 1L << 40));
        maybe(random, members, random.nextBoolean() ? "choosenLang" : "chosenLang", pick(random, LANGUAGES));
        if (random.nextInt(100) < 85) {
            members.add(member("fields", fields(random)));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            members.add(random.nextInt(members.size() + 1),
                    member(HostileText.nasty(random), RandomJson.value(random, 0)));
        }
        return members;
    }

    /** Mostly a plausible value; otherwise hostile text or a value of any type at all. */
    private static void maybe(SplittableRandom random, List<String> members, String name, Object plausible) {
        int roll = random.nextInt(100);
        if (roll < 12) {
            return;
        }
        String value = roll < 65 ? (plausible instanceof String text ? quote(text) : plausible.toString())
                : roll < 80 ? quote(HostileText.nasty(random)) : RandomJson.value(random, 0);
        members.add(member(name, value));
    }

    private String fields(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 12) {
            return "[" + field("0", quote(student.get(0))) + "," + field("1", quote(student.get(1))) + "]";
        }
        if (roll < 70) {
            return IntStream.range(0, random.nextInt(5)).mapToObj(i -> random.nextInt(8) == 0
                            ? RandomJson.value(random, 1) : field(position(random), fieldValue(random)))
                    .collect(Collectors.joining(",", "[", "]"));
        }
        return RandomJson.value(random, 0);
    }

    private static String field(String position, String value) {
        return "{\"position\":" + position + ",\"value\":" + value + "}";
    }

    private static String position(SplittableRandom random) {
        int roll = random.nextInt(10);
        return roll < 7 ? String.valueOf(random.nextInt(3))
                : roll < 9 ? pick(random, List.of("-1", "1000", "1001", "0.5", "\"0\"", "null", "1e3"))
                : HostileText.hugeNumber(random);
    }

    private String fieldValue(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 40 ? quote(pick(random, identifiers))
                : roll < 70 ? quote("guess-" + random.nextInt(1_000))
                : roll < 85 ? quote(HostileText.nasty(random)) : RandomJson.value(random, 1);
    }

    private static List<String> withDuplicates(SplittableRandom random, List<String> members) {
        List<String> doubled = new ArrayList<>(members);
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String name = pick(random, List.of("event", "exam_id", "respondent_id", "fields", "admittedOn"));
            String value = random.nextBoolean() ? quote(pick(random, KNOWN_EVENTS)) : RandomJson.value(random, 0);
            doubled.add(random.nextInt(doubled.size() + 1), member(name, value));
        }
        return doubled;
    }

    private byte[] withInvalidUtf8(SplittableRandom random) {
        byte[] body = object(members(random)).getBytes(StandardCharsets.UTF_8);
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            int at = random.nextInt(body.length + 1);
            byte[] bad = HostileText.invalidUtf8(random);
            byte[] longer = new byte[body.length + bad.length];
            System.arraycopy(body, 0, longer, 0, at);
            System.arraycopy(bad, 0, longer, at, bad.length);
            System.arraycopy(body, at, longer, at + bad.length, body.length - at);
            body = longer;
        }
        return body;
    }

    private String deep(SplittableRandom random) {
        String nested = HostileText.deepNesting(random);
        return switch (random.nextInt(3)) {
            case 0 -> nested;
            case 1 -> "{\"event\":\"result_ready\",\"exam_id\":\"e\",\"respondent_id\":\"r\",\"deep\":" + nested + "}";
            default -> "{\"event\":\"verify_respondent\",\"exam_id\":" + quote(pick(random, examIds)) + ",\"fields\":"
                    + nested + "}";
        };
    }

    private String thousands(SplittableRandom random) {
        int count = pick(random, List.of(1_000, 5_000, 20_000));
        if (random.nextBoolean()) {
            List<String> members = members(random);
            IntStream.range(0, count).forEach(i -> members.add(member("k" + i, String.valueOf(i))));
            return object(members);
        }
        String fields = IntStream.range(0, count / 4).mapToObj(i -> field(String.valueOf(i % 3), quote("v" + i)))
                .collect(Collectors.joining(",", "[", "]"));
        return "{\"event\":\"verify_respondent\",\"exam_id\":" + quote(pick(random, examIds)) + ",\"fields\":" + fields
                + "}";
    }

    private String longStrings(SplittableRandom random) {
        String text = HostileText.longText(random);
        return switch (random.nextInt(4)) {
            case 0 -> object(List.of(member("event", quote("result_ready")), member("exam_id", quote(text)),
                    member("respondent_id", quote("r"))));
            case 1 -> object(List.of(member("event", quote(text))));
            case 2 -> object(List.of(member("event", quote("verify_respondent")), member("choosenLang", quote(text)),
                    member("fields", "[" + field("0", quote(pick(random, identifiers))) + "," + field("1", quote(text))
                            + "]")));
            default -> object(List.of(member(text, quote("result_ready"))));
        };
    }

    private static HostileBody text(String kind, String contentType, String body) {
        return new HostileBody(kind, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
