package org.examgate.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Hands the journal's notifications to the database once it answers again: at start-up, then every
 * {@code examgate.journal.replay-interval}. While the database is still away, each attempt costs one
 * connection timeout and leaves the journal as it was.
 */
@Component
class JournalReplay implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(JournalReplay.class);

    private final NotificationJournal journal;
    private final InboxWriter writer;
    private final DatabaseOutage outage;
    private final JournalProperties properties;

    JournalReplay(NotificationJournal journal, InboxWriter writer, DatabaseOutage outage,
            JournalProperties properties) {
        this.journal = journal;
        this.writer = writer;
        this.outage = outage;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        // No initial delay: what a previous run left is replayed as soon as examgate has started.
        registrar.addFixedDelayTask(this::replay, properties.replayInterval());
    }

    /** Returns true if the journal is empty afterwards. */
    boolean replay() {
        if (journal.depth() == 0) {
            return true;
        }
        return journal.replay(this::store);
    }

    private NotificationJournal.Replayed store(JournalEntry entry) {
        try {
            writer.replay(entry);
            return NotificationJournal.Replayed.STORED;
        } catch (RuntimeException e) {
            if (outage.explains(e)) {
                log.debug("The database still cannot be reached: {}", e.getClass().getSimpleName());
                return NotificationJournal.Replayed.RETRY_LATER;
            }
            if (e instanceof DataIntegrityViolationException) {
                // It would fail the same way every time: set aside rather than hold up everything after it.
                log.error("A journaled {} for exam {} was refused by the database: {}", entry.event(), entry.examId(),
                        e.getClass().getSimpleName());
                return NotificationJournal.Replayed.REJECTED;
            }
            log.error("Replaying the notification journal failed; it is tried again later", e);
            return NotificationJournal.Replayed.RETRY_LATER;
        }
    }
}
