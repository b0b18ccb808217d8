package org.examgate.admin;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "staff_account")
class StaffAccount {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StaffRole role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StaffAccount() {
    }

    StaffAccount(String username, String passwordHash, StaffRole role, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Whether this account is one of those that keep examgate administrable. */
    boolean isEnabledAdmin() {
        return enabled && role == StaffRole.ADMIN;
    }

    void changeRole(StaffRole role, Instant at) {
        this.role = role;
        this.updatedAt = at;
    }

    void changeEnabled(boolean enabled, Instant at) {
        this.enabled = enabled;
        this.updatedAt = at;
    }

    void changePasswordHash(String passwordHash, Instant at) {
        this.passwordHash = passwordHash;
        this.updatedAt = at;
    }

    UUID getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    StaffRole getRole() {
        return role;
    }

    boolean isEnabled() {
        return enabled;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
