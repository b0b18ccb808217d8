package org.examgate.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** A staff account as an admin creates it. */
record NewStaffAccount(
        // ASCII only, so that two usernames never look alike in a log; no ':' since HTTP Basic splits on it.
        @NotBlank @Size(min = 3, max = 100)
        @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "may hold only letters, digits and . _ @ -")
        String username,
        @Schema(accessMode = Schema.AccessMode.WRITE_ONLY, description = "Stored only as a hash")
        @NotNull @Size(min = 12, max = 1024) String password,
        @NotNull StaffRole role) {

    @Override
    public String toString() {
        return "NewStaffAccount[" + username + ", " + role + "]";
    }
}
