package org.examgate.student;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tidies the import jobs' table on every instance: a job whose instance went silent (stopped or
 * crashed, taking the spooled file with it) is marked failed, so that nobody waits for it, and old
 * finished jobs are deleted.
 */
@Component
class StudentImportSweep {

    private static final Logger log = LoggerFactory.getLogger(StudentImportSweep.class);

    private final StudentImportJobs jobs;
    private final StudentImportProperties properties;
    private final Clock clock;

    StudentImportSweep(StudentImportJobs jobs, StudentImportProperties properties, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
    void sweep() {
        try {
            int silent = jobs.failSilent(clock.instant().minus(properties.staleAfter()),
                    "Interrupted: the examgate instance running the import stopped. Upload the file again.",
                    clock.instant());
            if (silent > 0) {
                log.warn("Marked {} interrupted student imports failed", silent);
            }
            jobs.deleteFinishedBefore(clock.instant().minus(properties.keepFinished()));
        } catch (DataAccessException e) {
            log.warn("Could not sweep student imports: {}", e.getClass().getSimpleName());
        }
    }
}
