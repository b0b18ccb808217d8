package org.examgate.inbox;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores one delivery in one transaction. Deliveries answered at once and deliveries replayed from
 * the journal take this same path, so the unique index makes both idempotent alike.
 */
@Component
class InboxWriter {

    private final InboxStore store;

    InboxWriter(InboxStore store) {
        this.store = store;
    }

    /** A delivery as it arrives. */
    @Transactional
    Receipt write(JournalEntry entry) {
        return store(entry, false);
    }

    /**
     * A delivery kept in the journal. It may be replayed more than once (after a crash mid-replay):
     * a notification is then counted as one more delivery, and an unknown event is not stored again.
     */
    @Transactional
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
        if (!store.storeKnown(notification.get(), entry.receivedAt())) {
            return Receipt.DUPLICATE;
        }
        store.advanceTimeline(notification.get(), entry.receivedAt());
        return Receipt.RECEIVED;
    }
}
