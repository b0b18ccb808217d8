package org.examgate.operations;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;

/**
 * Takes the configured secrets, and credentials written into URLs, out of a text examgate is about to
 * print. Text built from a failure may quote anything the failure saw, a connection string included.
 */
final class SecretScrubber {

    private static final List<String> SECRET_PROPERTIES = List.of("spring.datasource.password",
            "spring.flyway.password", "examgate.admin.password", "examgate.webhook.client-secret",
            "examgate.secret-key");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b(password|pwd)=[^&;\\s]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("//[^/@\\s]*:[^/@\\s]*@");
    private static final String HIDDEN = "****";
    /** Shorter values would blank out ordinary words; no real secret is this short. */
    private static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secrets;

    SecretScrubber(Environment environment) {
        this.secrets = environment == null ? List.of()
                : SECRET_PROPERTIES.stream().map(environment::getProperty).filter(Objects::nonNull)
                        .filter(value -> value.length() >= MIN_SECRET_LENGTH).toList();
    }

    String scrub(String text) {
        String scrubbed = URL_USER_INFO.matcher(text).replaceAll("//" + HIDDEN + "@");
        scrubbed = URL_PASSWORD.matcher(scrubbed).replaceAll("$1=" + HIDDEN);
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, HIDDEN);
        }
        return scrubbed;
    }
}
