package org.examgate.verification;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A university's own wording for the messages students read, without rebuilding examgate:
 * {@code examgate.messages.overrides.<language>.<code>=<message>}, e.g.
 * {@code examgate.messages.overrides.fr.invalid_credentials=...}.
 *
 * <p>A language is a language code such as {@code fr} or {@code pt} and covers its regional variants
 * ({@code pt} also answers {@code pt-BR}); {@code en} also covers every language examgate has no messages
 * for. A code is one of contract 1.3's, written with underscores, dots, dashes or nothing between the
 * words ({@code invalid_credentials}, {@code invalid.credentials}, {@code invalidcredentials}), because
 * relaxed binding turns the underscore of an environment variable into a dot and drops it from an
 * unbracketed map key in a properties file. Each message is a {@link MessageFormat} pattern like the
 * shipped ones ({@code ''} for an apostrophe, {@code {0}} for the minutes of {@code locked}). An unknown
 * language or code, or a pattern that would not come out as written, stops examgate at start-up with
 * the reason, rather than showing students something else.
 *
 * @param overrides messages by language, then by code
 */
@ConfigurationProperties("examgate.messages")
public record StudentMessagesProperties(Map<String, Map<String, String>> overrides) {

    private static final Map<String, String> CODES_BY_KEY = Arrays.stream(Outcome.values())
            .filter(outcome -> outcome != Outcome.VERIFIED)
            .map(Outcome::code)
            .collect(Collectors.toUnmodifiableMap(StudentMessagesProperties::key, code -> code));

    public StudentMessagesProperties {
        Map<String, Map<String, String>> normalized = new LinkedHashMap<>();
        if (overrides != null) {
            overrides.forEach((language, messages) -> {
                Map<String, String> forLanguage = normalized.computeIfAbsent(languageOf(language),
                        ignored -> new LinkedHashMap<>());
                if (messages != null) {
                    messages.forEach((code, message) -> forLanguage.put(codeOf(language, code),
                            checked(language, code, message)));
                }
            });
        }
        overrides = normalized.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                entry -> Map.copyOf(entry.getValue())));
    }

    /** The override of a code in a language (as {@link StudentMessages#localeOf} gives it), if there is one. */
    Optional<String> find(String language, String code) {
        return Optional.ofNullable(overrides.getOrDefault(language, Map.of()).get(code));
    }

    private static String languageOf(String key) {
        if (key == null || !key.strip().matches("[A-Za-z]{2,3}")) {
            throw new IllegalArgumentException("examgate.messages.overrides: '" + key
                    + "' is not a language code such as fr or pt (an override covers every regional variant)");
        }
        return StudentMessages.localeOf(key).getLanguage();
    }

    private static String codeOf(String language, String key) {
        String code = CODES_BY_KEY.get(key(key));
        if (code == null) {
            throw new IllegalArgumentException("examgate.messages.overrides." + language + ": '" + key
                    + "' is not a message code; the codes are " + CODES_BY_KEY.values().stream().sorted().toList());
        }
        return code;
    }

    /** Codes compared without case and without the separators relaxed binding changes or drops. */
    private static String key(String code) {
        return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String checked(String language, String code, String message) {
        String where = "examgate.messages.overrides." + language + "." + code;
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException(where + " is empty");
        }
        String formatted;
        try {
            formatted = new MessageFormat(message, Locale.ROOT).format(new Object[] {5L});
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not a valid message pattern: " + e.getMessage(), e);
        }
        long written = message.replace("''", "'").chars().filter(c -> c == '\'').count();
        if (formatted.chars().filter(c -> c == '\'').count() < written) {
            throw new IllegalArgumentException(where + " would lose its apostrophes: write an apostrophe as two ('')");
        }
        return message;
    }
}
