package org.examgate.student;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the student CSV import ({@code EXAMGATE_STUDENT_IMPORT_*}).
 *
 * @param batchSize rows looked up, compared and written together: a few queries and one JDBC batch per batch
 * @param hashingThreads threads hashing the file's plain passwords; 0 means one per core. They compete
 *     with verifications for the CPU: set 1 to import passwords while exams are running
 * @param maxFileSize the largest file accepted ({@code spring.servlet.multipart.max-file-size} bounds
 *     multipart uploads too and must not be smaller)
 * @param maxQueued uploads that may wait on one instance behind the import it is running; more are refused
 * @param maxListedRejections rejected rows listed in a report with line and reason; all are counted
 * @param progressInterval how often a running import's progress is written to the database, which is also
 *     how its instance shows that it is still at work
 * @param staleAfter an unfinished import whose instance has not shown it is at work for this long (it
 *     stopped or crashed) is marked failed
 * @param keepFinished how long finished imports and their reports are kept
 */
@Validated
@ConfigurationProperties("examgate.student-import")
record StudentImportProperties(@DefaultValue("1000") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("0") @Min(0) int hashingThreads, @DefaultValue("100MB") DataSize maxFileSize,
        @DefaultValue("5") @Min(1) int maxQueued, @DefaultValue("10000") @Min(0) int maxListedRejections,
        @DefaultValue("1s") Duration progressInterval, @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("30d") Duration keepFinished) {

    int hashingThreadCount() {
        return hashingThreads > 0 ? hashingThreads : Runtime.getRuntime().availableProcessors();
    }
}
