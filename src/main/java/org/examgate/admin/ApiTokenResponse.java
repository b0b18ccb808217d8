package org.examgate.admin;

import java.time.Instant;
import java.util.UUID;

/** A token as listed: never the token or its digest. */
record ApiTokenResponse(UUID id, String name, StaffRole role, Instant createdAt, String createdBy, Instant expiresAt,
        Instant revokedAt, Instant lastUsedAt) {
}
