package org.examgate.webhook;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.examgate.credential.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * Checks the platform's client id and secret on every webhook request without a database round
 * trip: the active clients' digests are held in memory and re-read every few seconds, and at once
 * after a change on this instance.
 */
@Service
class WebhookClients {

    private static final Logger log = LoggerFactory.getLogger(WebhookClients.class);
    private static final byte[] NO_CLIENT = Secrets.sha256("no such client");

    private final WebhookClientRepository clients;
    private final WebhookClientUsage usage;
    private final Clock clock;
    private volatile Map<String, List<ActiveSecret>> activeSecrets = Map.of();

    WebhookClients(WebhookClientRepository clients, WebhookClientUsage usage, Clock clock) {
        this.clients = clients;
        this.usage = usage;
        this.clock = clock;
        reload();
    }

    /**
     * Whether the pair matches an active client. The secret is always digested and compared in
     * constant time, even for an unknown client id, so timing does not tell which header was wrong.
     */
    boolean authenticate(String clientId, String secret) {
        byte[] offered = Secrets.sha256(secret == null ? "" : secret);
        List<ActiveSecret> candidates = clientId == null ? List.of() : activeSecrets.getOrDefault(clientId, List.of());
        UUID matched = null;
        for (ActiveSecret candidate : candidates) {
            if (Secrets.equal(offered, candidate.digest())) {
                matched = candidate.id();
            }
        }
        if (candidates.isEmpty()) {
            Secrets.equal(offered, NO_CLIENT);
        }
        if (matched == null || secret == null) {
            return false;
        }
        usage.used(matched);
        return true;
    }

    /** Registers a client; returns false if this id already has this secret, active or revoked. */
    boolean register(String clientId, String secret, String description) {
        String digest = Secrets.sha256Hex(secret);
        if (clients.existsByClientIdAndSecretHash(clientId, digest)) {
            return false;
        }
        clients.save(new WebhookClient(clientId, digest, description, clock.instant()));
        reload();
        return true;
    }

    boolean anyActive() {
        return clients.existsByRevokedAtIsNull();
    }

    long activeSecretsFor(String clientId) {
        return activeSecrets.getOrDefault(clientId, List.of()).size();
    }

    /**
     * Synchronized so that a periodic reload that read the table before a revocation committed
     * cannot replace the snapshot taken after it.
     */
    @Scheduled(fixedDelayString = "${examgate.webhook.client-refresh:5s}")
    synchronized void reload() {
        try {
            activeSecrets = clients.findByRevokedAtIsNull().stream()
                    .collect(Collectors.groupingBy(WebhookClient::getClientId,
                            Collectors.mapping(client -> new ActiveSecret(client.getId(),
                                    HexFormat.of().parseHex(client.getSecretHash())), Collectors.toUnmodifiableList())));
        } catch (DataAccessException | TransactionException e) {
            // Keep answering with the clients known so far; the next refresh tries again.
            log.warn("Could not refresh the webhook clients: {}", e.getClass().getSimpleName());
        }
    }

    /** One active row: its id, to note its use, and the SHA-256 digest of its secret. */
    private record ActiveSecret(UUID id, byte[] digest) {
    }
}
