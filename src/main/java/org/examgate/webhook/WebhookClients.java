package org.examgate.webhook;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
 * trip: the active clients' digests are held in memory and re-read every few seconds.
 */
@Service
class WebhookClients {

    private static final Logger log = LoggerFactory.getLogger(WebhookClients.class);
    private static final byte[] NO_CLIENT = Secrets.sha256("no such client");

    private final WebhookClientRepository clients;
    private final Clock clock;
    private volatile Map<String, List<byte[]>> activeDigests = Map.of();

    WebhookClients(WebhookClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
        reload();
    }

    /**
     * Whether the pair matches an active client. The secret is always digested and compared in
     * constant time, even for an unknown client id, so timing does not tell which header was wrong.
     */
    boolean authenticate(String clientId, String secret) {
        byte[] offered = Secrets.sha256(secret == null ? "" : secret);
        List<byte[]> candidates = clientId == null ? List.of() : activeDigests.getOrDefault(clientId, List.of());
        boolean matched = false;
        for (byte[] digest : candidates) {
            matched |= Secrets.equal(offered, digest);
        }
        if (candidates.isEmpty()) {
            Secrets.equal(offered, NO_CLIENT);
        }
        return matched && secret != null;
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
        return activeDigests.getOrDefault(clientId, List.of()).size();
    }

    @Scheduled(fixedDelayString = "${examgate.webhook.client-refresh:5s}")
    void reload() {
        try {
            activeDigests = clients.findByRevokedAtIsNull().stream()
                    .collect(Collectors.groupingBy(WebhookClient::getClientId,
                            Collectors.mapping(client -> HexFormat.of().parseHex(client.getSecretHash()),
                                    Collectors.toUnmodifiableList())));
        } catch (DataAccessException | TransactionException e) {
            // Keep answering with the clients known so far; the next refresh tries again.
            log.warn("Could not refresh the webhook clients: {}", e.getClass().getSimpleName());
        }
    }
}
