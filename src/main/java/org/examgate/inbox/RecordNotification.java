package org.examgate.inbox;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in the platform's notifications. Each is committed before the method returns, so that an
 * acknowledged notification is never lost; a repeated delivery is counted, not stored twice.
 */
@Service
public class RecordNotification {

    private final InboxStore store;
    private final Clock clock;

    RecordNotification(InboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public Receipt record(Notification notification) {
        Instant now = clock.instant();
        if (!store.storeKnown(notification, now)) {
            return Receipt.DUPLICATE;
        }
        store.advanceTimeline(notification, now);
        return Receipt.RECEIVED;
    }

    /** Keeps an event examgate does not know, so that nothing the platform sends is thrown away. */
    @Transactional
    public Receipt recordUnknown(String eventType, String examId, String respondentId, String payload) {
        store.storeUnknown(eventType, examId, respondentId, payload, clock.instant());
        return Receipt.IGNORED;
    }
}
