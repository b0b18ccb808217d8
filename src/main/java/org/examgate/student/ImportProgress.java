package org.examgate.student;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The running import's progress, in memory: the job's thread (and the hashing threads) move it on
 * without touching the database; it is written out at each change of phase and every second.
 */
final class ImportProgress {

    private final UUID jobId;
    private final Clock clock;
    private final Consumer<ImportProgress> publisher;
    private final AtomicLong done = new AtomicLong();
    private ImportPhase phase = ImportPhase.QUEUED;
    private Long total;
    private Instant since;

    ImportProgress(UUID jobId, Clock clock, Consumer<ImportProgress> publisher) {
        this.jobId = jobId;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Starts a pass over the file: rows done count from 0 again. */
    synchronized void startPass(ImportPhase phase, Long total) {
        this.phase = phase;
        this.total = total;
        this.since = clock.instant();
        done.set(0);
        publisher.accept(this);
    }

    /** Changes what the current pass is doing, e.g. from hashing a batch's passwords to writing it. */
    void phase(ImportPhase phase) {
        synchronized (this) {
            if (this.phase == phase) {
                return;
            }
            this.phase = phase;
        }
        publisher.accept(this);
    }

    void advance(long rows) {
        done.addAndGet(rows);
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(jobId, phase, done.get(), total, since);
    }

    record Snapshot(UUID jobId, ImportPhase phase, long rowsDone, Long rowsTotal, Instant since) {
    }
}
