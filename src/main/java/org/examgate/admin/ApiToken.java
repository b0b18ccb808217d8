package org.examgate.admin;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A token a script presents as {@code Authorization: Bearer}; only its SHA-256 digest is kept. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StaffRole role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    ApiToken(String name, String tokenHash, StaffRole role, Instant createdAt, String createdBy, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.tokenHash = tokenHash;
        this.role = role;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    /** Revoking twice keeps the first time. */
    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    boolean hasExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getTokenHash() {
        return tokenHash;
    }

    StaffRole getRole() {
        return role;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
