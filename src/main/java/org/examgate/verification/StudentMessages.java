package org.examgate.verification;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The messages a refused student reads, in the language the student chose on the platform.
 * Language tags are matched case-insensitively with region fallback ({@code pt-BR} to {@code pt});
 * anything unknown gets English.
 */
@Component
public class StudentMessages {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final Clock clock;

    StudentMessages(Clock clock) {
        this.clock = clock;
        messages.setBasename("messages/student-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
    }

    /** The message for a refusal; a {@code locked} message says in how many minutes to try again. */
    public String messageFor(VerificationResult result, String language) {
        long minutes = result.retryAfter()
                .map(until -> Math.max(1, (Duration.between(clock.instant(), until).toSeconds() + 59) / 60))
                .orElse(1L);
        return messages.getMessage(result.outcome().code(), new Object[] {minutes}, result.outcome().code(),
                localeOf(language));
    }

    static Locale localeOf(String language) {
        if (language == null || language.isBlank()) {
            return Locale.ENGLISH;
        }
        Locale locale = Locale.forLanguageTag(language.strip().replace('_', '-').toLowerCase(Locale.ROOT));
        return locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
    }
}
