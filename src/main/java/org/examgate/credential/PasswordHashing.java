package org.examgate.credential;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Salted adaptive password hashes in Spring Security's {@code {id}hash} form.
 *
 * <p>New passwords are hashed with bcrypt, except those longer than bcrypt's 72-byte input: bcrypt
 * would silently ignore the rest, so they get PBKDF2 (no length limit) and are checked exactly as
 * typed. Hashes imported from other systems may be bcrypt, argon2 or pbkdf2.
 */
@Component
public class PasswordHashing {

    /** The encodings an administrator may import as pre-hashed values. */
    public static final Set<String> IMPORTABLE_IDS =
            Set.of("bcrypt", "argon2", "argon2@SpringSecurity_v5_8", "pbkdf2", "pbkdf2@SpringSecurity_v5_8");

    private static final Pattern ARGON2_SHAPE = Pattern.compile(
            "\\$argon2(id|i|d)\\$(v=\\d+\\$)?m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}");

    /** What each importable encoding's hash looks like after its {id} prefix. */
    private static final Map<String, Pattern> SHAPES = Map.of(
            "bcrypt", Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}"),
            "argon2", ARGON2_SHAPE,
            "argon2@SpringSecurity_v5_8", ARGON2_SHAPE,
            // hex of salt and 256-bit hash: 8-byte salt in Spring Security 5.5's defaults, 16 in 5.8's
            "pbkdf2", Pattern.compile("[0-9a-fA-F]{80}"),
            "pbkdf2@SpringSecurity_v5_8", Pattern.compile("[0-9a-fA-F]{96}"));

    static final int BCRYPT_MAX_BYTES = 72;
    private static final String LONG_PASSWORD_ID = "pbkdf2@SpringSecurity_v5_8";

    private final DelegatingPasswordEncoder encoder;
    private final BCryptPasswordEncoder bcrypt;
    private final PasswordEncoder longPasswords = Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final String dummyBcrypt;
    private final String dummyLong;

    private final Timer hashes;

    public PasswordHashing(PasswordHashingProperties properties, MeterRegistry meters) {
        this.hashes = Timer.builder("examgate.password.hashes")
                .description("Password hashes computed: every check, every new hash and every dummy check")
                .register(meters);
        this.bcrypt = new BCryptPasswordEncoder(properties.bcryptStrength());
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put("bcrypt", bcrypt);
        encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2());
        encoders.put("argon2@SpringSecurity_v5_8", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("pbkdf2", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5());
        encoders.put(LONG_PASSWORD_ID, longPasswords);
        this.encoder = new DelegatingPasswordEncoder("bcrypt", encoders);
        this.dummyBcrypt = encoder.encode("examgate-dummy-password");
        this.dummyLong = "{" + LONG_PASSWORD_ID + "}" + longPasswords.encode("examgate-dummy-password");
    }

    public String hash(String rawPassword) {
        return hashes.record(() -> isTooLongForBcrypt(rawPassword)
                ? "{" + LONG_PASSWORD_ID + "}" + longPasswords.encode(rawPassword)
                : encoder.encode(rawPassword));
    }

    /**
     * Checks a typed password against a stored hash. Costs one hash whatever the outcome, including
     * when there is no stored hash, so that the answer time does not tell whether a student exists.
     */
    public Check check(String rawPassword, String storedHash) {
        if (storedHash == null || !isSupported(storedHash)) {
            spendOneHash(rawPassword);
            return Check.FAILED;
        }
        if (isTooLongForBcrypt(rawPassword) && storedHash.startsWith("{bcrypt}")) {
            // A bcrypt hash only ever saw 72 bytes: a longer typed password cannot be the one it stores.
            matches(rawPassword, storedHash);
            return Check.FAILED;
        }
        if (!matches(rawPassword, storedHash)) {
            return Check.FAILED;
        }
        return needsRehash(rawPassword, storedHash) ? new Check(true, Optional.of(hash(rawPassword))) : Check.PASSED;
    }

    /** The same work as a real check, for a student that does not exist. */
    public void spendOneHash(String rawPassword) {
        matches(rawPassword, isTooLongForBcrypt(rawPassword) ? dummyLong : dummyBcrypt);
    }

    private boolean matches(String rawPassword, String storedHash) {
        return hashes.record(() -> encoder.matches(rawPassword, storedHash));
    }

    /**
     * Whether a pre-hashed value is in a form examgate can check: a known encoding whose hash has that
     * encoding's shape. A malformed hash could never match, and some make the encoder throw.
     */
    public static boolean isSupported(String hash) {
        return idOf(hash).filter(IMPORTABLE_IDS::contains)
                .filter(id -> SHAPES.get(id).matcher(hash.substring(id.length() + 2)).matches())
                .isPresent();
    }

    static Optional<String> idOf(String hash) {
        if (hash == null || !hash.startsWith("{")) {
            return Optional.empty();
        }
        int end = hash.indexOf('}');
        return end > 1 && end < hash.length() - 1 ? Optional.of(hash.substring(1, end)) : Optional.empty();
    }

    private boolean needsRehash(String rawPassword, String storedHash) {
        if (storedHash.startsWith("{" + LONG_PASSWORD_ID + "}") && isTooLongForBcrypt(rawPassword)) {
            return false;
        }
        return encoder.upgradeEncoding(storedHash);
    }

    private static boolean isTooLongForBcrypt(String rawPassword) {
        return rawPassword.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES;
    }

    /**
     * The outcome of a password check.
     *
     * @param matched whether the password is right
     * @param upgradedHash a fresh hash to store when the stored one uses an outdated encoding
     */
    public record Check(boolean matched, Optional<String> upgradedHash) {
        static final Check FAILED = new Check(false, Optional.empty());
        static final Check PASSED = new Check(true, Optional.empty());
    }
}
