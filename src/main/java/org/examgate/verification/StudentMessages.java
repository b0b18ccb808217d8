package org.examgate.verification;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The messages a refused student reads, in the language the student chose on the platform.
 * Language tags are matched case-insensitively with region fallback ({@code pt-BR} to {@code pt});
 * anything unknown gets English. A university's overrides ({@link StudentMessagesProperties}) come
 * before the shipped messages of their language.
 */
@Component
public class StudentMessages {

    /** The languages examgate ships in {@code messages/student-messages_<language>.properties} (English: default). */
    static final List<String> LANGUAGES = List.of("en", "fr", "es", "pt", "ru", "ar", "de", "pl", "tr", "zh", "th",
            "sw");

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final Clock clock;
    private final StudentMessagesProperties properties;

    StudentMessages(Clock clock, StudentMessagesProperties properties) {
        this.clock = clock;
        this.properties = properties;
        messages.setBasename("messages/student-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        // Patterns are read as written and formatted below, so overrides and shipped messages are treated alike.
        messages.setAlwaysUseMessageFormat(false);
    }

    /** The message for a refusal; a {@code locked} message says in how many minutes to try again. */
    public String messageFor(VerificationResult result, String language) {
        long minutes = result.retryAfter()
                .map(until -> Math.max(1, (Duration.between(clock.instant(), until).toSeconds() + 59) / 60))
                .orElse(1L);
        return format(result.outcome().code(), localeOf(language), minutes);
    }

    /** The message of a code for a student who chose this locale, {@code minutes} standing for {0}. */
    String format(String code, Locale chosen, long minutes) {
        String language = chosen.getLanguage();
        Optional<String> own = properties.find(language, code);
        if (own.isEmpty() && LANGUAGES.contains(language)) {
            own = Optional.ofNullable(messages.getMessage(code, null, null, chosen));
        }
        // Anything without a message of its own is answered in English, numbers included.
        if (own.isPresent()) {
            return new MessageFormat(own.get(), chosen).format(new Object[] {minutes});
        }
        String english = properties.find("en", code)
                .orElseGet(() -> messages.getMessage(code, null, code, Locale.ENGLISH));
        return new MessageFormat(english, Locale.ENGLISH).format(new Object[] {minutes});
    }

    /**
     * The locale of a {@code choosenLang} value: a language tag in any case, with {@code _} or {@code -}
     * (also the first entry of an Accept-Language-style list). Empty, malformed or garbage values give
     * English; a well-formed language examgate does not know is kept, and answered in English.
     */
    static Locale localeOf(String language) {
        if (language == null) {
            return Locale.ENGLISH;
        }
        String tag = language.strip().split("[,;\\s]", 2)[0].replace('_', '-').toLowerCase(Locale.ROOT);
        Locale locale = Locale.forLanguageTag(tag);
        return locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
    }
}
