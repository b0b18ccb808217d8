package org.examgate.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

class PasswordHashingTest {

    private final PasswordHashing hashing = new PasswordHashing(new PasswordHashingProperties(10), new SimpleMeterRegistry());

    @Test
    void newPasswordsAreStoredAsBcryptInDelegatingForm() {
        String hash = hashing.hash("correct horse battery staple");

        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(hashing.check("correct horse battery staple", hash).matched()).isTrue();
        assertThat(hashing.check("correct horse battery staple", hash).upgradedHash()).isEmpty();
    }

    @Test
    void passwordsLongerThanBcryptsSeventyTwoBytesAreHashedWithoutTruncation() {
        String longPassword = "ü".repeat(40) + "tail";
        String hash = hashing.hash(longPassword);

        assertThat(hash).startsWith("{bcrypt-sha256}$2a$10$");
        assertThat(hashing.check(longPassword, hash).matched()).isTrue();
        assertThat(hashing.check(longPassword, hash).upgradedHash()).as("not an outdated encoding").isEmpty();
        assertThat(hashing.check("ü".repeat(40) + "tall", hash).matched()).isFalse();
    }

    @Test
    void aBcryptHashNeverAcceptsALongerPasswordSharingItsFirstSeventyTwoBytes() {
        String password = "a".repeat(72);
        String hash = hashing.hash(password);

        assertThat(hashing.check(password + "extra", hash).matched()).isFalse();
    }

    @Test
    void aWeakerBcryptCostIsUpgradedOnSuccess() {
        String weak = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("pw");

        PasswordHashing.Check check = hashing.check("pw", weak);

        assertThat(check.matched()).isTrue();
        assertThat(check.upgradedHash()).hasValueSatisfying(hash -> assertThat(hash).startsWith("{bcrypt}$2a$10$"));
        assertThat(hashing.check("wrong", weak).upgradedHash()).as("never on failure").isEmpty();
    }

    @Test
    void importedArgon2AndPbkdf2HashesVerifyAndAreUpgradedToBcrypt() {
        String argon2 = "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2().encode("pw");
        String pbkdf2 = "{pbkdf2}" + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5().encode("pw");

        assertThat(hashing.check("pw", argon2).upgradedHash()).hasValueSatisfying(h -> assertThat(h).startsWith("{bcrypt}"));
        assertThat(hashing.check("pw", pbkdf2).upgradedHash()).hasValueSatisfying(h -> assertThat(h).startsWith("{bcrypt}"));
        assertThat(hashing.check("other", argon2).matched()).isFalse();
    }

    @Test
    void onlyBcryptArgon2AndPbkdf2FormsAreAccepted() {
        assertThat(PasswordHashing.isSupported("{bcrypt}" + new BCryptPasswordEncoder(4).encode("pw"))).isTrue();
        assertThat(PasswordHashing.isSupported("{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2()
                .encode("pw"))).isTrue();
        assertThat(PasswordHashing.isSupported("{pbkdf2}" + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5()
                .encode("pw"))).isTrue();
        assertThat(PasswordHashing.isSupported("{bcrypt}$2a$10$abc")).as("malformed").isFalse();
        assertThat(PasswordHashing.isSupported("{noop}secret")).isFalse();
        assertThat(PasswordHashing.isSupported("{MD5}abc")).isFalse();
        assertThat(PasswordHashing.isSupported("$2a$10$abc")).isFalse();
        assertThat(PasswordHashing.isSupported("{bcrypt}")).isFalse();
        assertThat(PasswordHashing.isSupported(null)).isFalse();
    }

    @Test
    void importedHashesWithExtremeCostsAreRefused() {
        assertThat(PasswordHashing.isSupported("{bcrypt}$2a$99$" + "a".repeat(53))).isFalse();
        assertThat(PasswordHashing.isSupported("{bcrypt}$2a$16$" + "a".repeat(53))).isFalse();
        assertThat(PasswordHashing.isSupported("{bcrypt}$2a$14$" + "a".repeat(53))).isTrue();
        assertThat(PasswordHashing.isSupported("{argon2}$argon2id$v=19$m=524288,t=4,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")).isFalse();
        assertThat(PasswordHashing.isSupported("{argon2}$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")).isTrue();
        assertThat(PasswordHashing.isSupported("{bcrypt-sha256}" + new BCryptPasswordEncoder(4).encode("x")))
                .as("examgate's own long-password form is not an import format").isFalse();
    }

    @Test
    void aStoredHashWithAnImpossibleCostFailsWithoutError() {
        assertThat(hashing.check("pw", "{bcrypt}$2a$99$" + "a".repeat(53)).matched()).isFalse();
    }

    @Test
    void aLongPasswordCostsOneBcryptLikeAnyOther() {
        String hash = hashing.hash("x".repeat(500));

        assertThat(hash).startsWith("{bcrypt-sha256}$2a$10$");
    }

    @Test
    void aMissingOrUnusableStoredHashFailsWithoutError() {
        assertThat(hashing.check("pw", null).matched()).isFalse();
        assertThat(hashing.check("pw", "{noop}pw").matched()).isFalse();
        assertThat(hashing.check("pw", "{bcrypt}not-a-bcrypt-hash").matched()).isFalse();
    }

    /** Not a timing test: bcrypt's cost doubles per step, so six steps apart is 64 times the work. */
    @Test
    void aCheckForNoStudentCostsABcryptHashAtTheConfiguredStrength() {
        PasswordHashing cheap = new PasswordHashing(new PasswordHashingProperties(4), new SimpleMeterRegistry());

        long atTen = fastestCpuNanos(() -> hashing.spendOneHash("pw"));
        long atFour = fastestCpuNanos(() -> cheap.spendOneHash("pw"));
        String stored = "{bcrypt}" + BCrypt.hashpw("other", BCrypt.gensalt(10));
        long realAtTen = fastestCpuNanos(() -> hashing.check("pw", stored));

        assertThat(atTen).as("cost 10 against cost 4").isGreaterThan(16 * atFour);
        assertThat((double) atTen).as("the same work as a real check").isBetween(realAtTen / 2.0, realAtTen * 2.0);
        assertThat(hashing.check("pw", null).matched()).isFalse();
    }

    private static long fastestCpuNanos(Runnable work) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = threads.getCurrentThreadCpuTime();
            work.run();
            fastest = Math.min(fastest, threads.getCurrentThreadCpuTime() - started);
        }
        return fastest;
    }
}
