package org.examgate.credential;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.security.crypto.bcrypt.BCrypt;
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
 * would silently ignore the rest, so they get bcrypt over their SHA-256 digest ({@code
 * {bcrypt-sha256}}) and are checked exactly as typed, at the same cost. Hashes imported from other
 * systems may be bcrypt, argon2 or pbkdf2.
 */
@Component
public class PasswordHashing {

    /** The encodings an administrator may import as pre-hashed values. */
    public static final Set<String> IMPORTABLE_IDS =
            Set.of("bcrypt", "argon2", "argon2@SpringSecurity_v5_8", "pbkdf2", "pbkdf2@SpringSecurity_v5_8");

    /**
     * examgate's own encoding for passwords longer than bcrypt's 72 bytes: bcrypt over the password's
     * SHA-256 digest, so the whole password counts and the cost is exactly one bcrypt, like any other.
     */
    static final String LONG_PASSWORD_ID = "bcrypt-sha256";

    private static final Pattern BCRYPT_SHAPE = Pattern.compile("\\$2[aby]?\\$(\\d\\d)\\$[./0-9A-Za-z]{53}");
    private static final Pattern ARGON2_SHAPE = Pattern.compile(
            "\\$argon2(id|i|d)\\$(v=\\d+\\$)?m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})\\$[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}");

    /** What each encoding's hash looks like after its {id} prefix. */
    private static final Map<String, Pattern> SHAPES = Map.of(
            "bcrypt", BCRYPT_SHAPE,
            LONG_PASSWORD_ID, BCRYPT_SHAPE,
            "argon2", ARGON2_SHAPE,
            "argon2@SpringSecurity_v5_8", ARGON2_SHAPE,
            // hex of salt and 256-bit hash: 8-byte salt in Spring Security 5.5's defaults, 16 in 5.8's
            "pbkdf2", Pattern.compile("[0-9a-fA-F]{80}"),
            "pbkdf2@SpringSecurity_v5_8", Pattern.compile("[0-9a-fA-F]{96}"));

    /** Bounds on imported cost parameters: a hash may be slow, but not slow enough to stall an exam. */
    static final int MAX_BCRYPT_COST = 14;
    static final int MAX_ARGON2_MEMORY_KIB = 65_536;
    static final int MAX_ARGON2_ITERATIONS = 10;
    static final int MAX_ARGON2_PARALLELISM = 4;

    static final int BCRYPT_MAX_BYTES = 72;

    private final DelegatingPasswordEncoder encoder;
    private final PasswordEncoder longPasswords;
    private final String dummyBcrypt;
    private final Timer hashes;

    public PasswordHashing(PasswordHashingProperties properties, MeterRegistry meters) {
        this.hashes = Timer.builder("examgate.password.hashes")
                .description("Password hashes computed: every check, every new hash and every dummy check")
                .register(meters);
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(properties.bcryptStrength());
        this.longPasswords = new Sha256ThenBcrypt(bcrypt);
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put("bcrypt", bcrypt);
        encoders.put(LONG_PASSWORD_ID, longPasswords);
        encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2());
        encoders.put("argon2@SpringSecurity_v5_8", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("pbkdf2", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5());
        encoders.put("pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        this.encoder = new DelegatingPasswordEncoder("bcrypt", encoders);
        // Checking a password against it costs exactly a real check at this strength (the cost is in the
        // string); the hash part matches no password, and making it costs start-up no hash.
        this.dummyBcrypt = "{bcrypt}" + BCrypt.gensalt(properties.bcryptStrength()) + ".".repeat(31);
    }

    public String hash(String rawPassword) {
        return hashes.record(() -> isTooLongForBcrypt(rawPassword)
                ? "{" + LONG_PASSWORD_ID + "}" + longPasswords.encode(rawPassword)
                : encoder.encode(rawPassword));
    }

    /**
     * Checks a typed password against a stored hash. Costs one hash whatever the outcome, including
     * when there is no usable stored hash, so that the answer time does not tell whether a student
     * exists. Never throws for any password or stored value.
     */
    public Check check(String rawPassword, String storedHash) {
        if (!isUsable(storedHash)) {
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

    /** The same work as a real check against a bcrypt hash, for a student that does not exist. */
    public void spendOneHash(String rawPassword) {
        matches(rawPassword, dummyBcrypt);
    }

    private boolean matches(String rawPassword, String storedHash) {
        return hashes.record(() -> {
            try {
                return encoder.matches(rawPassword, storedHash);
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    /**
     * Whether a pre-hashed value may be imported: a known encoding whose hash has that encoding's
     * shape and cost parameters within bounds. A malformed hash could never match, some make the
     * encoder throw, and an extreme cost would stall every verification of that student.
     */
    public static boolean isSupported(String hash) {
        return idOf(hash).filter(IMPORTABLE_IDS::contains).isPresent() && isUsable(hash);
    }

    private static boolean isUsable(String hash) {
        Optional<String> id = idOf(hash).filter(SHAPES::containsKey);
        if (id.isEmpty()) {
            return false;
        }
        Matcher shape = SHAPES.get(id.get()).matcher(hash.substring(id.get().length() + 2));
        if (!shape.matches()) {
            return false;
        }
        if (shape.pattern() == BCRYPT_SHAPE) {
            int cost = Integer.parseInt(shape.group(1));
            return cost >= 4 && cost <= MAX_BCRYPT_COST;
        }
        if (shape.pattern() == ARGON2_SHAPE) {
            return Long.parseLong(shape.group(3)) <= MAX_ARGON2_MEMORY_KIB
                    && Long.parseLong(shape.group(4)) <= MAX_ARGON2_ITERATIONS
                    && Long.parseLong(shape.group(5)) <= MAX_ARGON2_PARALLELISM;
        }
        return true;
    }

    static Optional<String> idOf(String hash) {
        if (hash == null || !hash.startsWith("{")) {
            return Optional.empty();
        }
        int end = hash.indexOf('}');
        return end > 1 && end < hash.length() - 1 ? Optional.of(hash.substring(1, end)) : Optional.empty();
    }

    private boolean needsRehash(String rawPassword, String storedHash) {
        boolean longEncoding = storedHash.startsWith("{" + LONG_PASSWORD_ID + "}");
        if (longEncoding != isTooLongForBcrypt(rawPassword)) {
            return true;
        }
        return longEncoding ? longPasswords.upgradeEncoding(storedHash.substring(LONG_PASSWORD_ID.length() + 2))
                : encoder.upgradeEncoding(storedHash);
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
