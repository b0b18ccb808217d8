package org.examgate.photo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns a photo stored in examgate into a link the platform can fetch without logging in. */
@Service
public class PhotoLinks {

    private final PhotoStore store;
    private final PhotoLinkSigner signer;
    private final PhotoProperties properties;
    private final Clock clock;

    PhotoLinks(PhotoStore store, PhotoLinkSigner signer, PhotoProperties properties, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A signed absolute link to the student's stored photo, valid for the configured time; empty when
     * the student has no photo stored here.
     */
    @Transactional(readOnly = true)
    public Optional<String> linkFor(UUID studentId) {
        Instant expires = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(properties.linkTtl());
        return store.versionOf(studentId).map(version -> signer.link(studentId, version, expires));
    }
}
