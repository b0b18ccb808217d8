package org.examgate.photo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.examgate.credential.InstanceKey;
import org.springframework.stereotype.Component;

/**
 * Signs and checks photo links. The signature is an HMAC under the instance key over the student,
 * the photo's version and the expiry, so a link can be neither guessed nor altered (another student,
 * an older photo, a later expiry), and every instance sharing the key accepts the others' links.
 */
@Component
class PhotoLinkSigner {

    static final String PATH = "/photos/";
    private static final String PURPOSE = "photo-link";

    private final InstanceKey key;
    private final PublicBaseUrl base;

    PhotoLinkSigner(InstanceKey key, PublicBaseUrl base) {
        this.key = key;
        this.base = base;
    }

    /** An absolute link to this version of the student's photo, valid until {@code expires}. */
    String link(UUID studentId, String version, Instant expires) {
        long expiresAt = expires.getEpochSecond();
        return base.resolve(PATH + studentId + "/" + version + "?expires=" + expiresAt + "&signature="
                + signature(studentId, version, expiresAt));
    }

    /** Whether the signature is the one this link was given; says nothing about expiry. */
    boolean verifies(UUID studentId, String version, long expiresAt, String signature) {
        return MessageDigest.isEqual(signature(studentId, version, expiresAt).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(UUID studentId, String version, long expiresAt) {
        // The fields cannot contain a line break, so no two links sign the same text.
        String hex = key.hmacHex(PURPOSE, studentId + "\n" + version + "\n" + expiresAt);
        // Base64url is a third shorter than hex in the URL and needs no escaping.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(hex));
    }
}
