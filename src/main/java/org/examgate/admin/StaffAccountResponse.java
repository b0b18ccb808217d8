package org.examgate.admin;

import java.time.Instant;
import java.util.UUID;

/** A staff account as the API shows it: never the password or its hash. */
record StaffAccountResponse(UUID id, String username, StaffRole role, boolean enabled, Instant createdAt,
        Instant updatedAt) {

    static StaffAccountResponse of(StaffAccount account) {
        return new StaffAccountResponse(account.getId(), account.getUsername(), account.getRole(), account.isEnabled(),
                account.getCreatedAt(), account.getUpdatedAt());
    }
}
