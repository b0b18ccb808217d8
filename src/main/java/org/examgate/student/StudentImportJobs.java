package org.examgate.student;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The import jobs' table. Every write to an unfinished job leaves a finished one alone, so that a
 * late progress report never brings a job back from DONE or FAILED.
 */
@Component
class StudentImportJobs {

    private static final String UNFINISHED = "phase not in ('DONE', 'FAILED')";

    private final JdbcClient jdbc;

    StudentImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, boolean dryRun, boolean atomic, String fileName, UUID instanceId, Instant now) {
        jdbc.sql("""
                        insert into student_import_job (id, phase, dry_run, atomic, file_name, created_at, instance_id,
                                                        heartbeat_at)
                        values (:id, 'QUEUED', :dryRun, :atomic, :fileName, :now, :instanceId, :now)
                        """)
                .param("id", id).param("dryRun", dryRun).param("atomic", atomic).param("fileName", fileName)
                .param("now", utc(now)).param("instanceId", instanceId)
                .update();
    }

    void started(UUID id, Instant now) {
        jdbc.sql("update student_import_job set started_at = :now, heartbeat_at = :now where id = :id and "
                        + UNFINISHED)
                .param("id", id).param("now", utc(now)).update();
    }

    void progress(ImportProgress.Snapshot progress, Instant now) {
        jdbc.sql("""
                        update student_import_job
                           set phase = :phase, rows_done = :done, rows_total = :total, progress_since = :since,
                               heartbeat_at = :now
                         where id = :id and\s""" + UNFINISHED)
                .param("id", progress.jobId()).param("phase", progress.phase().name())
                .param("done", progress.rowsDone()).param("total", progress.rowsTotal())
                .param("since", utc(progress.since())).param("now", utc(now))
                .update();
    }

    void done(UUID id, long rows, String reportJson, Instant now) {
        jdbc.sql("""
                        update student_import_job
                           set phase = 'DONE', rows_done = :rows, rows_total = :rows, report = :report::jsonb,
                               finished_at = :now, heartbeat_at = :now
                         where id = :id and\s""" + UNFINISHED)
                .param("id", id).param("rows", rows).param("report", reportJson).param("now", utc(now))
                .update();
    }

    /** Marks these jobs failed, unless they finished meanwhile. */
    int failed(Collection<UUID> ids, String failure, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update student_import_job set phase = 'FAILED', failure = :failure, finished_at = :now
                         where id = any(:ids) and\s""" + UNFINISHED)
                .param("ids", ids.toArray(UUID[]::new)).param("failure", failure).param("now", utc(now))
                .update();
    }

    /** Notes that the instance still holds these jobs, running or queued. */
    void heartbeat(Collection<UUID> ids, Instant now) {
        if (!ids.isEmpty()) {
            jdbc.sql("update student_import_job set heartbeat_at = :now where id = any(:ids) and " + UNFINISHED)
                    .param("ids", ids.toArray(UUID[]::new)).param("now", utc(now)).update();
        }
    }

    /** Fails the unfinished jobs whose instance went silent: it stopped or crashed, and its file went with it. */
    int failSilent(Instant silentSince, String failure, Instant now) {
        return jdbc.sql("""
                        update student_import_job set phase = 'FAILED', failure = :failure, finished_at = :now
                         where heartbeat_at < :silentSince and\s""" + UNFINISHED)
                .param("silentSince", utc(silentSince)).param("failure", failure).param("now", utc(now))
                .update();
    }

    int deleteFinishedBefore(Instant before) {
        return jdbc.sql("delete from student_import_job where finished_at < :before")
                .param("before", utc(before)).update();
    }

    Optional<StudentImportJob> find(UUID id) {
        return jdbc.sql("""
                        select id, phase, dry_run, atomic, file_name, rows_done, rows_total, progress_since, created_at,
                               started_at, finished_at, failure, report::text as report
                          from student_import_job where id = :id
                        """)
                .param("id", id)
                .query((rs, row) -> new StudentImportJob(rs.getObject("id", UUID.class),
                        ImportPhase.valueOf(rs.getString("phase")), rs.getBoolean("dry_run"), rs.getBoolean("atomic"),
                        rs.getString("file_name"), rs.getLong("rows_done"), rs.getObject("rows_total", Long.class),
                        instant(rs, "progress_since"), instant(rs, "created_at"), instant(rs, "started_at"),
                        instant(rs, "finished_at"), rs.getString("failure"), rs.getString("report")))
                .optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
