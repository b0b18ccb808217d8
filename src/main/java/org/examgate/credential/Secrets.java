package org.examgate.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets for machines (webhook clients, generated passwords) and their fast digests.
 * Machine secrets carry 256 random bits, so a plain SHA-256 is enough to store them safely and
 * keeps the webhook's authentication cheap on every request.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A URL-safe random string carrying {@code bytes} random bytes. */
    public static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }

    /** Constant-time comparison, so that the time taken does not reveal how much of a secret matched. */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /**
     * Masks an identifier for logs and the audit trail: enough to recognise it, not enough to use it.
     * {@code U2024/0042} becomes {@code U2******42}; an e-mail keeps its first letter and domain.
     */
    public static String mask(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return "";
        }
        String value = identifier.strip().replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
        if (value.length() > 64) {
            value = value.substring(0, 64);
        }
        int at = value.indexOf('@');
        if (at > 0) {
            return value.charAt(0) + "***" + value.substring(at);
        }
        if (value.length() <= 4) {
            return "*".repeat(value.length());
        }
        int keep = value.length() <= 8 ? 1 : 2;
        return value.substring(0, keep) + "*".repeat(value.length() - 2 * keep) + value.substring(value.length() - keep);
    }
}
