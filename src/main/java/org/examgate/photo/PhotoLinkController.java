package org.examgate.photo;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored photos to the platform through signed links, without login. A link that is
 * malformed, altered, expired or for a replaced photo gets the same 403 (problem+json without a
 * detail), so that nothing can be learnt by probing.
 */
@RestController
@Hidden
class PhotoLinkController {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final PhotoLinkSigner signer;
    private final PhotoStore store;
    private final Clock clock;

    PhotoLinkController(PhotoLinkSigner signer, PhotoStore store, Clock clock) {
        this.signer = signer;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(PhotoLinkSigner.PATH + "{studentId}/{version}")
    ResponseEntity<byte[]> serve(@PathVariable String studentId, @PathVariable String version,
            @RequestParam(required = false) String expires, @RequestParam(required = false) String signature) {
        Link link = Link.parse(studentId, version, expires, signature).orElseThrow(PhotoLinkController::refused);
        long secondsLeft = link.expiresAt() - clock.instant().getEpochSecond();
        if (!signer.verifies(link.studentId(), link.version(), link.expiresAt(), link.signature()) || secondsLeft <= 0) {
            throw refused();
        }
        StoredPhoto photo = store.find(link.studentId())
                .filter(found -> found.version().equals(link.version()))
                .orElseThrow(PhotoLinkController::refused);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .eTag(photo.sha256())
                // Caches may keep the photo only as long as the link itself lives.
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=" + secondsLeft)
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.content());
    }

    private static ErrorResponseException refused() {
        return new ErrorResponseException(HttpStatus.FORBIDDEN);
    }

    private record Link(UUID studentId, String version, long expiresAt, String signature) {

        static Optional<Link> parse(String studentId, String version, String expires, String signature) {
            if (expires == null || signature == null || !VERSION.matcher(version).matches()
                    || !SIGNATURE.matcher(signature).matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Link(UUID.fromString(studentId), version, Long.parseLong(expires), signature));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
