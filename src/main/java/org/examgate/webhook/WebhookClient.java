package org.examgate.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A pair of credentials the platform may send. Several may share a client id, so that a secret can
 * be rotated without downtime; only a SHA-256 digest of the secret is kept.
 */
@Entity
@Table(name = "webhook_client")
class WebhookClient {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected WebhookClient() {
    }

    WebhookClient(String clientId, String secretHash, String description, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.secretHash = secretHash;
        this.description = description;
        this.createdAt = createdAt;
    }

    UUID getId() {
        return id;
    }

    String getClientId() {
        return clientId;
    }

    String getSecretHash() {
        return secretHash;
    }

    String getDescription() {
        return description;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    boolean isActive() {
        return revokedAt == null;
    }
}
