package org.examgate.webhook;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new webhook client as staff ask for it; both members are optional. */
record WebhookClientRequest(
        @Schema(description = "The x-client-id the platform will send; generated as examjoint-... if absent. "
                + "An existing client id gets an additional secret, which is how a secret is rotated.")
        @Size(min = 3, max = 128)
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may hold only A-Z, a-z, 0-9, '.', '_' and '-'")
        String clientId,
        @Size(max = 200) String description) {

    static final WebhookClientRequest EMPTY = new WebhookClientRequest(null, null);
}
