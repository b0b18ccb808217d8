package org.examgate.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksIdentifiersKeepingOnlyTheirEnds() {
        assertThat(Secrets.mask("U2024/0042")).isEqualTo("U2******42");
        assertThat(Secrets.mask("  U2024/0042 ")).isEqualTo("U2******42");
        assertThat(Secrets.mask("ada.obi@uni.example")).isEqualTo("a***@uni.example");
        assertThat(Secrets.mask("abc")).isEqualTo("***");
        assertThat(Secrets.mask("abcdef")).isEqualTo("a****f");
        assertThat(Secrets.mask(null)).isEmpty();
    }

    @Test
    void aMaskedIdentifierIsBoundedWhateverWasTyped() {
        assertThat(Secrets.mask("x".repeat(10_000))).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void randomSecretsCarryTheRequestedEntropyAndDiffer() {
        String a = Secrets.random(32);

        assertThat(Base64.getUrlDecoder().decode(a)).hasSize(32);
        assertThat(a).isNotEqualTo(Secrets.random(32));
    }
}
