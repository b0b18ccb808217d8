package org.examgate.inbox;

import java.time.Clock;

import org.springframework.stereotype.Service;

/**
 * Takes in the platform's notifications. Each is committed to the database, or, while the database
 * cannot be reached, synced to the local journal, before the method returns, so that an
 * acknowledged notification is never lost; a repeated delivery is counted, not stored twice.
 */
@Service
public class RecordNotification {

    private final InboxWriter writer;
    private final NotificationJournal journal;
    private final DatabaseOutage outage;
    private final Clock clock;

    RecordNotification(InboxWriter writer, NotificationJournal journal, DatabaseOutage outage, Clock clock) {
        this.writer = writer;
        this.journal = journal;
        this.outage = outage;
        this.clock = clock;
    }

    /**
     * @throws org.springframework.dao.DataAccessException (or a transaction exception) when it could be
     *     kept neither in the database nor in the journal (full, or not an outage): not acknowledged,
     *     so the platform delivers it again
     */
    public Receipt record(Notification notification) {
        return takeIn(JournalEntry.of(notification, clock.instant()));
    }

    /** Keeps an event examgate does not know, so that nothing the platform sends is thrown away. */
    public Receipt recordUnknown(String eventType, String examId, String respondentId, String payload) {
        return takeIn(JournalEntry.unknown(eventType, examId, respondentId, payload, clock.instant()));
    }

    private Receipt takeIn(JournalEntry entry) {
        // Behind what is journaled already: the database then sees deliveries in the order they came,
        // and during an outage each one is answered without first waiting for a connection to time out.
        if (journal.depth() > 0) {
            journal.append(entry);
            return entry.receipt();
        }
        try {
            return writer.write(entry);
        } catch (RuntimeException e) {
            if (!outage.explains(e)) {
                throw e;
            }
            try {
                journal.append(entry);
            } catch (JournalUnavailable full) {
                full.addSuppressed(e);
                throw full;
            }
            // Whether it repeats an earlier delivery is known only when it is replayed.
            return entry.receipt();
        }
    }
}
