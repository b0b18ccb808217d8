package org.examgate.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** {@code examgate.journal.depth}: notifications waiting in the journal for the database. */
@Component
class JournalMetrics implements MeterBinder {

    private final NotificationJournal journal;

    JournalMetrics(NotificationJournal journal) {
        this.journal = journal;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("examgate.journal.depth", journal, NotificationJournal::depth)
                .description("Notifications kept in the local journal until the database answers")
                .register(registry);
    }
}
