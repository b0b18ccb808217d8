package org.examgate.verification;

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

    StudentMessages() {
        messages.setBasename("messages/student-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    public String messageFor(Outcome outcome, String language) {
        return messages.getMessage(outcome.code(), null, outcome.code(), localeOf(language));
    }

    static Locale localeOf(String language) {
        if (language == null || language.isBlank()) {
            return Locale.ENGLISH;
        }
        Locale locale = Locale.forLanguageTag(language.strip().replace('_', '-').toLowerCase(Locale.ROOT));
        return locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
    }
}
