package org.examgate.webhook;

import java.time.Instant;
import java.util.UUID;

/** The answer to a creation: the only place the secret is ever shown. */
record CreatedWebhookClient(UUID id, String clientId, String secret, String description, Instant createdAt) {

    @Override
    public String toString() {
        return "CreatedWebhookClient[id=" + id + ", clientId=" + clientId + "]";
    }
}
