package org.examgate.inbox;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Stores one delivery in one statement. Deliveries answered at once and deliveries replayed from
 * the journal take this same path, so the unique index makes both idempotent alike.
 */
@Component
class InboxWriter {

    private final InboxStore store;

    InboxWriter(InboxStore store) {
        this.store = store;
    }

    /** A delivery as it arrives. Every path is a single statement, so no explicit transaction is needed. */
    Receipt write(JournalEntry entry) {
        return store(entry, false);
    }

    /**
     * A delivery kept in the journal. It may be replayed more than once (after a crash mid-replay):
     * a notification is then counted as one more delivery, and an unknown event is not stored again.
     */
    Receipt replay(JournalEntry entry) {
        return store(entry, true);
    }

    private Receipt store(JournalEntry entry, boolean replayed) {
        Optional<Notification> notification = entry.notification();
        if (notification.isEmpty()) {
            if (replayed) {
                store.storeUnknownOnce(entry.event(), entry.examId(), entry.respondentId(), entry.payload(),
                        entry.receivedAt());
            } else {
                store.storeUnknown(entry.event(), entry.examId(), entry.respondentId(), entry.payload(),
                        entry.receivedAt());
            }
            return Receipt.IGNORED;
        }
        return store.storeKnown(notification.get(), entry.receivedAt()) ? Receipt.RECEIVED : Receipt.DUPLICATE;
    }
}
