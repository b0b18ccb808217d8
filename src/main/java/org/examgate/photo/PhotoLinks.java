package org.examgate.photo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** Turns a photo stored in examgate into a link the platform can fetch without logging in. */
@Service
public class PhotoLinks {

    private final PhotoLinkSigner signer;
    private final PhotoProperties properties;
    private final Clock clock;

    PhotoLinks(PhotoLinkSigner signer, PhotoProperties properties, Clock clock) {
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A signed absolute link to the student's stored photo of this version (read together with the
     * student by verification), valid for the configured time.
     */
    public String link(UUID studentId, String version) {
        Instant expires = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(properties.linkTtl());
        return signer.link(studentId, version, expires);
    }
}
