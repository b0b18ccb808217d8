package org.examgate.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes raw event payloads and verification records past their retention age, in small batches
 * so that a large first purge never holds long locks during an exam. Respondent timelines, which
 * are what staff look up later, are kept.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final RetentionProperties properties;
    private final Clock clock;

    RetentionPurge(JdbcClient jdbc, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${examgate.retention.cron:0 17 3 * * *}")
    public void purge() {
        Instant cutoff = clock.instant().minus(properties.maxAge());
        long events = deleteOlderThan("webhook_event", "id", "received_at", cutoff);
        long verifications = deleteOlderThan("verification_attempt", "id", "occurred_at", cutoff);
        if (events + verifications > 0) {
            log.info("Retention purge removed {} received events and {} verification records older than {}", events,
                    verifications, cutoff);
        }
    }

    private long deleteOlderThan(String table, String key, String timeColumn, Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("delete from " + table + " where " + key + " in (select " + key + " from " + table
                    + " where " + timeColumn + " < ? limit " + BATCH + ")")
                    .param(Timestamp.from(cutoff)).update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
