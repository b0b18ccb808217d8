package org.examgate.student;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

import org.examgate.api.ApiProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Student CSV imports as background jobs: one at a time per instance, on a thread of their own, a few
 * more waiting. A job's state is in the database, so any instance answers for it; the file itself is
 * spooled on the instance that received it, which alone can run the job.
 */
@Service
class StudentImports {

    private static final Logger log = LoggerFactory.getLogger(StudentImports.class);

    private final StudentImportJobs jobs;
    private final StudentImportRunner runner;
    private final JsonMapper json;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final UUID instanceId = UUID.randomUUID();
    /** This instance's jobs that are queued or running. */
    private final Set<UUID> unfinished = ConcurrentHashMap.newKeySet();
    private final AtomicReference<ImportProgress> running = new AtomicReference<>();

    StudentImports(StudentImportJobs jobs, StudentImportRunner runner, StudentImportProperties properties,
            JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.json = json;
        this.clock = clock;
        CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("student-import-");
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.maxQueued()), threadFactory);
    }

    /** Refuses early, before a large upload is spooled for nothing. */
    void checkRoom() {
        if (executor.getQueue().remainingCapacity() == 0) {
            throw busy();
        }
    }

    /**
     * Queues the import of a spooled file, which it then owns (and deletes when done). The header row is
     * checked now, so that a file that cannot be imported at all is refused at once.
     */
    StudentImportJob submit(Path file, String fileName, boolean dryRun, boolean atomic) {
        UUID id = UUID.randomUUID();
        try {
            StudentCsvFile.open(file).close();
            jobs.insert(id, dryRun, atomic, fileName, instanceId, clock.instant());
            unfinished.add(id);
            executor.execute(new ImportTask(id, file, dryRun, atomic));
        } catch (StudentImportException e) {
            delete(file);
            throw ApiProblems.badRequest(e.getMessage());
        } catch (RejectedExecutionException e) {
            unfinished.remove(id);
            jobs.failed(List.of(id), "Refused: too many imports were waiting.", clock.instant());
            delete(file);
            throw busy();
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        return find(id).orElseThrow();
    }

    Optional<StudentImportJob> find(UUID id) {
        return jobs.find(id);
    }

    private void run(ImportTask task) {
        ImportProgress progress = new ImportProgress(task.id, clock, this::publish);
        running.set(progress);
        try {
            jobs.started(task.id, clock.instant());
            StudentImportReport report = runner.run(task.file, task.dryRun, task.atomic, progress);
            jobs.done(task.id, report.rows(), json.writeValueAsString(report), clock.instant());
            log.info("Student import {} done: {} rows, {} created, {} updated, {} unchanged, {} rejected{}", task.id,
                    report.rows(), report.created(), report.updated(), report.unchanged(), report.rejected(),
                    report.written() ? "" : ", nothing written");
        } catch (StudentImportException e) {
            fail(task.id, e.getMessage());
        } catch (ImportStopped e) {
            fail(task.id, "Stopped: examgate shut down before the import finished. Upload the file again.");
        } catch (RuntimeException e) {
            // Only the exception: rows of the file are never logged, and the driver keeps values out of its messages.
            log.error("Student import {} failed", task.id, e);
            fail(task.id, "An unexpected error stopped the import. It has been logged.");
        } finally {
            running.set(null);
            unfinished.remove(task.id);
            delete(task.file);
        }
    }

    private void fail(UUID id, String failure) {
        try {
            jobs.failed(List.of(id), failure, clock.instant());
        } catch (DataAccessException e) {
            // Other instances will see the job fall silent and mark it failed.
            log.warn("Could not mark student import {} failed: {}", id, e.getClass().getSimpleName());
        }
    }

    /** Writes the running job's progress; serialised, so that an older snapshot never overwrites a newer one. */
    private void publish(ImportProgress progress) {
        synchronized (progress) {
            jobs.progress(progress.snapshot(), clock.instant());
        }
    }

    @Scheduled(fixedDelayString = "${examgate.student-import.progress-interval:1s}")
    void reportProgress() {
        if (unfinished.isEmpty()) {
            return;
        }
        try {
            ImportProgress progress = running.get();
            if (progress != null) {
                publish(progress);
            }
            jobs.heartbeat(Set.copyOf(unfinished), clock.instant());
        } catch (DataAccessException e) {
            log.warn("Could not report student import progress: {}", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        for (Runnable waiting : executor.shutdownNow()) {
            delete(((ImportTask) waiting).file);
        }
        executor.awaitTermination(10, TimeUnit.SECONDS);
        failAll(unfinished, "Stopped: examgate shut down before the import finished. Upload the file again.");
    }

    private void failAll(Set<UUID> ids, String failure) {
        try {
            jobs.failed(Set.copyOf(ids), failure, clock.instant());
        } catch (DataAccessException e) {
            log.warn("Could not mark student imports failed: {}", e.getClass().getSimpleName());
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete a spooled student import file: {}", e.getClass().getSimpleName());
        }
    }

    private static RuntimeException busy() {
        return ApiProblems.unavailable(
                "Other student imports are waiting on this instance. Try again once they are done.");
    }

    /** A queued import; the executor's queue holds these, so that a shutdown can delete their files. */
    private final class ImportTask implements Runnable {

        private final UUID id;
        private final Path file;
        private final boolean dryRun;
        private final boolean atomic;

        ImportTask(UUID id, Path file, boolean dryRun, boolean atomic) {
            this.id = id;
            this.file = file;
            this.dryRun = dryRun;
            this.atomic = atomic;
        }

        @Override
        public void run() {
            StudentImports.this.run(this);
        }
    }
}
