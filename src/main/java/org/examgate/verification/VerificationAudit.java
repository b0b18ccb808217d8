package org.examgate.verification;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.examgate.student.StudentDeletion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The verification audit trail: one row per verification, never a password or an unmasked identifier.
 *
 * <p>Rows are written by one thread in group commits: every row waiting when the writer is free goes
 * into one statement and one commit. A verification is still answered only once its row is stored,
 * but a burst of thousands costs a handful of commits instead of thousands of round trips, each
 * taking a connection the lookups of the next students need.
 */
@Repository
class VerificationAudit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(VerificationAudit.class);
    private static final int MAX_BATCH = 1000;
    private static final String INSERT = """
            insert into verification_attempt
                (id, occurred_at, exam_id, student_id, identifier_masked, outcome, language, latency_ms)
            select * from unnest(?::uuid[], ?::timestamptz[], ?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[],
                                 ?::varchar[], ?::integer[])
            """;

    private final JdbcTemplate jdbc;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean stopping;

    VerificationAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writer = new Thread(this::writeUntilStopped, "audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Completes once the row is committed; fails if it could not be. */
    CompletableFuture<Void> record(AttemptRow row) {
        Pending pending = new Pending(row, new CompletableFuture<>());
        if (stopping) {
            // Only while the application stops, after the web server has finished its requests.
            writeOneByOne(List.of(pending));
        } else {
            queue.add(pending);
        }
        return pending.stored();
    }

    private void writeUntilStopped() {
        List<Pending> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never let the writer die: a request whose row is lost would wait forever.
                batch.forEach(pending -> pending.stored().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            insert(batch);
            batch.forEach(pending -> pending.stored().complete(null));
        } catch (DataAccessException e) {
            if (batch.size() == 1) {
                batch.get(0).stored().completeExceptionally(e);
                return;
            }
            // One row may be refused on its own (its student was erased a moment ago): the others are
            // not held to it.
            writeOneByOne(batch);
        }
    }

    private void writeOneByOne(List<Pending> batch) {
        for (Pending pending : batch) {
            try {
                insert(List.of(pending));
                pending.stored().complete(null);
            } catch (DataAccessException e) {
                pending.stored().completeExceptionally(e);
            }
        }
    }

    private void insert(List<Pending> batch) {
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int column = 1;
                for (Array values : columns(connection, batch)) {
                    insert.setArray(column++, values);
                }
                return insert.executeUpdate();
            }
        });
    }

    private static List<Array> columns(Connection connection, List<Pending> batch) throws SQLException {
        int size = batch.size();
        Object[][] values = new Object[8][size];
        for (int i = 0; i < size; i++) {
            AttemptRow row = batch.get(i).row();
            values[0][i] = row.id();
            values[1][i] = Timestamp.from(row.at());
            values[2][i] = row.examId();
            values[3][i] = row.studentId();
            values[4][i] = row.maskedIdentifier();
            values[5][i] = row.outcome().code();
            values[6][i] = row.language() == null || row.language().length() <= 16
                    ? row.language() : row.language().substring(0, 16);
            values[7][i] = (int) Math.min(Integer.MAX_VALUE, row.latencyMillis());
        }
        String[] types = {"uuid", "timestamptz", "varchar", "uuid", "varchar", "varchar", "varchar", "int4"};
        List<Array> arrays = new ArrayList<>(types.length);
        for (int c = 0; c < types.length; c++) {
            arrays.add(connection.createArrayOf(types[c], values[c]));
        }
        return arrays;
    }

    /**
     * Keeps a deleted student's attempts as anonymous records (exam, outcome, time) but drops what ties
     * them to the person: the student id, and the masked identifier, whose visible characters could
     * still be matched against a class list.
     */
    @EventListener
    void anonymise(StudentDeletion deletion) {
        jdbc.update("update verification_attempt set student_id = null, identifier_masked = null where student_id = ?",
                deletion.studentId());
    }

    /** Runs after the web server has finished its requests: every row they produced is written. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        writer.join(TimeUnit.SECONDS.toMillis(10));
        if (writer.isAlive()) {
            log.warn("The verification audit writer did not finish within 10 s");
            return;
        }
        // A row queued just as the writer saw the queue empty for the last time.
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        writeOneByOne(rest);
    }

    record AttemptRow(UUID id, Instant at, String examId, UUID studentId, String maskedIdentifier, Outcome outcome,
            String language, long latencyMillis) {
    }

    private record Pending(AttemptRow row, CompletableFuture<Void> stored) {
    }
}
