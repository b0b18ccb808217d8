package org.examgate.admin;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an admin changes on a staff account; members left out stay as they are. */
record StaffAccountChange(
        StaffRole role,
        Boolean enabled,
        @Schema(accessMode = Schema.AccessMode.WRITE_ONLY, description = "A new password; stored only as a hash")
        @Size(min = 12, max = 1024) String password) {

    boolean isEmpty() {
        return role == null && enabled == null && password == null;
    }

    @Override
    public String toString() {
        return "StaffAccountChange[" + role + ", " + enabled + (password == null ? "" : ", new password") + "]";
    }
}
