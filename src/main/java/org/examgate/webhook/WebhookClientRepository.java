package org.examgate.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface WebhookClientRepository extends JpaRepository<WebhookClient, UUID> {

    List<WebhookClient> findByRevokedAtIsNull();

    boolean existsByClientIdAndSecretHash(String clientId, String secretHash);

    boolean existsByRevokedAtIsNull();

    /**
     * Revokes in one statement, so that a revocation never overwrites a concurrent last-use update.
     * Returns 0 if the client is unknown or already revoked.
     */
    @Transactional
    @Modifying
    @Query("update WebhookClient c set c.revokedAt = :at where c.id = :id and c.revokedAt is null")
    int revoke(UUID id, Instant at);

    /** Never moves the time backwards: several instances flush their own, possibly older, times. */
    @Transactional
    @Modifying
    @Query("update WebhookClient c set c.lastUsedAt = :at "
            + "where c.id = :id and (c.lastUsedAt is null or c.lastUsedAt < :at)")
    int recordLastUse(UUID id, Instant at);
}
