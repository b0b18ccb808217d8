package org.examgate.admin;

import java.time.Instant;
import java.util.UUID;

/** The answer to creating a token: the only time the token itself is shown. */
record CreatedApiToken(UUID id, String name, StaffRole role, Instant createdAt, Instant expiresAt, String token) {

    @Override
    public String toString() {
        return "CreatedApiToken[" + id + ", " + name + ", " + role + "]";
    }
}
