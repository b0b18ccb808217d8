package org.examgate.webhook;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookClientRepository extends JpaRepository<WebhookClient, UUID> {

    List<WebhookClient> findByRevokedAtIsNull();

    boolean existsByClientIdAndSecretHash(String clientId, String secretHash);

    boolean existsByRevokedAtIsNull();
}
