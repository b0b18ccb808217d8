package org.examgate.admin;

import java.time.Instant;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** An API token as an admin asks for it. */
record NewApiToken(
        @Schema(description = "What the token is for, e.g. the script that uses it") @NotBlank @Size(max = 100)
        String name,
        @NotNull StaffRole role,
        @Schema(description = "When the token stops working; never if left out") @Future Instant expiresAt) {
}
