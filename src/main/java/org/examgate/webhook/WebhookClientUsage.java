package org.examgate.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * When each webhook client last authenticated. The webhook is on the hot path, so a success only
 * notes the time in memory; the latest time per client is written out every so often and at
 * shutdown, one update per client that was used.
 */
@Component
class WebhookClientUsage {

    private static final Logger log = LoggerFactory.getLogger(WebhookClientUsage.class);

    private final WebhookClientRepository clients;
    private final Clock clock;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

    WebhookClientUsage(WebhookClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    void used(UUID clientRowId) {
        pending.put(clientRowId, clock.instant());
    }

    @Scheduled(fixedDelayString = "${examgate.webhook.last-used-flush:30s}",
            initialDelayString = "${examgate.webhook.last-used-flush:30s}")
    void flush() {
        for (Map.Entry<UUID, Instant> entry : pending.entrySet()) {
            try {
                clients.recordLastUse(entry.getKey(), entry.getValue());
            } catch (DataAccessException | TransactionException e) {
                // Kept in memory for the next flush; losing a last-use time is harmless, failing requests is not.
                // An unreachable database surfaces as a TransactionException (no connection for the transaction);
                // it must not escape into the scheduler, or into the shutdown, as a stack trace.
                log.warn("Could not record when webhook clients were last used: {}", e.getClass().getSimpleName());
                return;
            }
            // A time noted while this one was written stays for the next flush.
            pending.remove(entry.getKey(), entry.getValue());
        }
    }

    @PreDestroy
    void flushAtShutdown() {
        flush();
    }
}
