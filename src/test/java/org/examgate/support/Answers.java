package org.examgate.support;

import static org.assertj.core.api.Assertions.assertThat;

/** What no answer to any input may carry. */
public final class Answers {

    private Answers() {
    }

    /** A server error, or a stack trace or class name in the body, shows the input reached something unguarded. */
    public static void assertNothingInternal(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isLessThan(500);
        assertNothingInternal(response.body());
    }

    public static void assertNothingInternal(String body) {
        assertThat(body).as(body)
                .doesNotContain("\tat ")
                .doesNotContain("at org.")
                .doesNotContain("at java.")
                .doesNotContain("java.")
                .doesNotContain("Exception")
                .doesNotContain("Error:")
                .doesNotContain("tools.jackson")
                .doesNotContain("com.fasterxml")
                .doesNotContain("org.springframework")
                .doesNotContain("\"trace\"");
    }
}
