package org.examgate.student;

import java.time.Instant;
import java.util.UUID;

/**
 * An import job as stored.
 *
 * @param rowsDone rows through the current pass over the file
 * @param rowsTotal rows in the file, null until counted
 * @param progressSince when the current pass started
 * @param reportJson the {@link StudentImportReport} as JSON once done
 */
record StudentImportJob(UUID id, ImportPhase phase, boolean dryRun, boolean atomic, String fileName, long rowsDone,
        Long rowsTotal, Instant progressSince, Instant createdAt, Instant startedAt, Instant finishedAt,
        String failure, String reportJson) {
}
