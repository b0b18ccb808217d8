package org.examgate.student;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An import job as the admin API shows it.
 *
 * @param phase QUEUED, PARSING, VALIDATING, HASHING, WRITING, DONE or FAILED
 * @param rowsDone rows through the current pass over the file (validating, then hashing and writing)
 * @param rowsTotal data rows in the file, null until they are counted
 * @param percent of the current pass, null while the rows are being counted
 * @param secondsLeft estimated time left in the current pass, from its pace so far; null while unknown
 * @param failure why a FAILED job stopped
 * @param report the outcome, once DONE
 */
record StudentImportJobResponse(UUID id, ImportPhase phase, boolean dryRun, boolean atomic, String fileName,
        long rowsDone, Long rowsTotal, Integer percent, Long secondsLeft, Instant createdAt, Instant startedAt,
        Instant finishedAt, String failure, StudentImportReport report) {

    static StudentImportJobResponse of(StudentImportJob job, StudentImportReport report, Instant now) {
        return new StudentImportJobResponse(job.id(), job.phase(), job.dryRun(), job.atomic(), job.fileName(),
                job.rowsDone(), job.rowsTotal(), percent(job), secondsLeft(job, now), job.createdAt(), job.startedAt(),
                job.finishedAt(), job.failure(), report);
    }

    private static Integer percent(StudentImportJob job) {
        if (job.phase() == ImportPhase.DONE) {
            return 100;
        }
        if (job.rowsTotal() == null) {
            return job.phase() == ImportPhase.QUEUED ? 0 : null;
        }
        return job.rowsTotal() == 0 ? 0 : (int) Math.min(100, job.rowsDone() * 100 / job.rowsTotal());
    }

    private static Long secondsLeft(StudentImportJob job, Instant now) {
        if (job.phase() == ImportPhase.DONE) {
            return 0L;
        }
        if (job.phase().finished() || job.rowsTotal() == null || job.progressSince() == null || job.rowsDone() <= 0) {
            return null;
        }
        long elapsedMillis = Math.max(0, Duration.between(job.progressSince(), now).toMillis());
        long leftMillis = (long) ((double) elapsedMillis * (job.rowsTotal() - job.rowsDone()) / job.rowsDone());
        return Math.max(0, (leftMillis + 999) / 1000);
    }
}
