package org.examgate.inbox;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code journal} health component: {@code DEGRADED} while notifications wait in the journal for
 * the database, so that operators see it, yet answered 200 (see application.yml) because examgate
 * still takes deliveries.
 */
@Component
class JournalHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "notifications wait in the journal for the database");

    private final NotificationJournal journal;

    JournalHealthIndicator(NotificationJournal journal) {
        this.journal = journal;
    }

    @Override
    public Health health() {
        long depth = journal.depth();
        return (depth == 0 ? Health.up() : Health.status(DEGRADED))
                .withDetail("depth", depth)
                .withDetail("maxEntries", journal.maxEntries())
                .build();
    }
}
