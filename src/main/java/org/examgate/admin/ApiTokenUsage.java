package org.examgate.admin;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.examgate.credential.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * When each API token was last used. A script may call the API many times a second, so uses are
 * noted in memory and written to the database every {@code examgate.api-tokens.last-used-flush}.
 */
@Component
class ApiTokenUsage implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenUsage.class);

    private final ApiTokenRepository tokens;
    private final ApiTokenProperties properties;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

    ApiTokenUsage(ApiTokenRepository tokens, ApiTokenProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    void record(UUID tokenId, Instant at) {
        pending.merge(tokenId, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    Optional<Instant> pendingFor(UUID tokenId) {
        return Optional.ofNullable(pending.get(tokenId));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::flush, properties.lastUsedFlush());
    }

    void flush() {
        for (Map.Entry<UUID, Instant> use : Map.copyOf(pending).entrySet()) {
            // Removed only if unchanged: a newer use noted meanwhile waits for the next flush.
            pending.remove(use.getKey(), use.getValue());
            try {
                tokens.recordUse(use.getKey(), use.getValue());
            } catch (DataAccessException | TransactionException e) {
                // An unreachable database surfaces as a TransactionException. The rest wait for the next flush
                // too: each of them would only wait for a connection timeout of its own, at shutdown as well.
                record(use.getKey(), use.getValue());
                log.warn("Could not record when API token {} was last used: {}", Secrets.mask(use.getKey().toString()),
                        e.getClass().getSimpleName());
                return;
            }
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }
}
