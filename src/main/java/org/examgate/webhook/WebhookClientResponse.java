package org.examgate.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook client as the admin API lists it: never the secret or its digest.
 *
 * @param lastUsedAt when it last authenticated; written out every half minute or so, so it may lag
 */
record WebhookClientResponse(UUID id, String clientId, String description, Instant createdAt, Instant revokedAt,
        Instant lastUsedAt, boolean active) {

    static WebhookClientResponse of(WebhookClient client) {
        return new WebhookClientResponse(client.getId(), client.getClientId(), client.getDescription(),
                client.getCreatedAt(), client.getRevokedAt(), client.getLastUsedAt(), client.isActive());
    }
}
