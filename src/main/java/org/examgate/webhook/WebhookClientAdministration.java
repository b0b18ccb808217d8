package org.examgate.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.examgate.api.ApiProblems;
import org.examgate.credential.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Staff changes to the webhook clients; each one reaches this instance's authentication at once. */
@Service
class WebhookClientAdministration {

    static final int SECRET_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(WebhookClientAdministration.class);

    private final WebhookClientRepository repository;
    private final WebhookClients clients;
    private final Clock clock;

    WebhookClientAdministration(WebhookClientRepository repository, WebhookClients clients, Clock clock) {
        this.repository = repository;
        this.clients = clients;
        this.clock = clock;
    }

    CreatedWebhookClient create(WebhookClientRequest request) {
        String clientId = request.clientId() == null ? "examjoint-" + Secrets.random(6) : request.clientId();
        String description = request.description() == null || request.description().isBlank()
                ? null : request.description().strip();
        String secret = Secrets.random(SECRET_BYTES);
        WebhookClient client = repository.save(
                new WebhookClient(clientId, Secrets.sha256Hex(secret), description, now()));
        clients.reload();
        log.info("Webhook client {} created (id {}); {} active secret(s) for this client id", clientId, client.getId(),
                clients.activeSecretsFor(clientId));
        return new CreatedWebhookClient(client.getId(), clientId, secret, description, client.getCreatedAt());
    }

    Page<WebhookClient> list(Pageable pageable) {
        return repository.findAll(pageable);
    }

    WebhookClient find(UUID id) {
        return repository.findById(id).orElseThrow(() -> ApiProblems.notFound("webhook client", id));
    }

    /** Revoking a revoked client changes nothing: the first revocation time is kept. */
    void revoke(UUID id) {
        if (repository.revoke(id, now()) == 0) {
            find(id);
            return;
        }
        clients.reload();
        log.info("Webhook client with id {} revoked", id);
    }

    /** PostgreSQL keeps microseconds: the answer to a write shows what a later read will show. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
