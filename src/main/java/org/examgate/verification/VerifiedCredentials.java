package org.examgate.verification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Remembers which credential recently proved which student, so that a student who verifies again
 * with the same password (a reconnect, a second exam) is answered without a password hash.
 *
 * <p>Nothing here can give a password back: the key is an HMAC of identifier and password under a
 * random key that exists only in this process's memory, and the value holds the student's id and
 * the stored hash it was checked against. An entry only counts while that stored hash is unchanged,
 * so a new password (or an imported hash) forgets it at once; status, window, roster and lockout are
 * checked afresh on every verification.
 */
@Component
class VerifiedCredentials {

    private final Cache<String, Proof> proofs;
    private final SecretKeySpec key;
    private final Counter hits;
    private final Counter misses;

    VerifiedCredentials(VerificationProperties properties, MeterRegistry meters) {
        this.proofs = Caffeine.newBuilder()
                .expireAfterWrite(properties.recheckTtl())
                .maximumSize(properties.recheckMaxEntries())
                .build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
        this.hits = Counter.builder("examgate.verification.recheck").tag("result", "hit").register(meters);
        this.misses = Counter.builder("examgate.verification.recheck").tag("result", "miss").register(meters);
    }

    /** Whether this identifier and password recently proved this student, whose hash is still the same. */
    boolean proves(String identifier, String password, UUID studentId, String storedHash) {
        Proof proof = proofs.getIfPresent(keyOf(identifier, password));
        boolean proven = proof != null && proof.studentId().equals(studentId) && proof.storedHash().equals(storedHash);
        (proven ? hits : misses).increment();
        return proven;
    }

    /** Whether this identifier and password proved some student recently; cheap, counts nothing. */
    boolean remembers(String identifier, String password) {
        return proofs.getIfPresent(keyOf(identifier, password)) != null;
    }

    void remember(String identifier, String password, UUID studentId, String storedHash) {
        proofs.put(keyOf(identifier, password), new Proof(studentId, storedHash));
    }

    /** Forgets every credential of a student, e.g. when staff change something about them. */
    void forget(UUID studentId) {
        proofs.asMap().values().removeIf(proof -> proof.studentId().equals(studentId));
    }

    private String keyOf(String identifier, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(identifier.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return java.util.HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    private record Proof(UUID studentId, String storedHash) {
    }
}
