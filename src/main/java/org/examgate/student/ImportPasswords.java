package org.examgate.student;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.examgate.credential.PasswordHashing;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Hashes the plain passwords of an import on a pool of its own, one thread per core by default (a
 * bcrypt hash is pure CPU). The pool is bounded: no more threads, and no more waiting tasks than one
 * batch has rows.
 */
@Component
class ImportPasswords {

    private final PasswordHashing hashing;
    private final ThreadPoolExecutor pool;

    ImportPasswords(PasswordHashing hashing, StudentImportProperties properties) {
        this.hashing = hashing;
        int threads = properties.hashingThreadCount();
        CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("student-import-hashing-");
        threadFactory.setDaemon(true);
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.batchSize()), threadFactory);
    }

    /**
     * Decides every plain password of the batch's accepted rows: a password that matches the stored
     * hash keeps it (checking costs the same one hash), any other is hashed anew.
     *
     * @param hashed called once per password done, from the pool's threads
     */
    Map<Long, PasswordDecision> decide(List<PlannedRow> plans, Runnable hashed) {
        List<Long> indexes = new ArrayList<>();
        List<Future<PasswordDecision>> decisions = new ArrayList<>();
        for (PlannedRow plan : plans) {
            String password = plan.row().password();
            if (password == null || plan.outcome() == PlannedRow.Outcome.REJECTED) {
                continue;
            }
            String stored = plan.existing() == null ? null : plan.existing().passwordHash();
            indexes.add(plan.row().index());
            decisions.add(pool.submit(() -> {
                PasswordDecision decision = stored != null && hashing.check(password, stored).matched()
                        ? new PasswordDecision(stored, null)
                        : new PasswordDecision(stored, hashing.hash(password));
                hashed.run();
                return decision;
            }));
        }
        Map<Long, PasswordDecision> decided = new HashMap<>();
        try {
            for (int i = 0; i < decisions.size(); i++) {
                decided.put(indexes.get(i), decisions.get(i).get());
            }
        } catch (InterruptedException e) {
            decisions.forEach(decision -> decision.cancel(true));
            Thread.currentThread().interrupt();
            throw new ImportStopped();
        } catch (ExecutionException e) {
            decisions.forEach(decision -> decision.cancel(true));
            throw new IllegalStateException("Hashing a password of the import failed", e.getCause());
        }
        return decided;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
