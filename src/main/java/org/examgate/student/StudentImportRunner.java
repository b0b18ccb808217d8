package org.examgate.student;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Runs one import over its spooled file, streaming it batch by batch in passes: count the rows, validate
 * every row (all rejections are known before anything is written), then hash and write. Memory stays
 * flat but for the identifiers the file claims (see {@link FileDuplicates}).
 */
@Component
class StudentImportRunner {

    private final ImportBatches batches;
    private final ImportPasswords passwords;
    private final StudentImportProperties properties;

    StudentImportRunner(ImportBatches batches, ImportPasswords passwords, StudentImportProperties properties) {
        this.batches = batches;
        this.passwords = passwords;
        this.properties = properties;
    }

    StudentImportReport run(Path file, boolean dryRun, boolean atomic, ImportProgress progress) {
        progress.startPass(ImportPhase.PARSING, null);
        long rows = count(file, progress);

        progress.startPass(ImportPhase.VALIDATING, rows);
        ImportTally validation = new ImportTally(properties.maxListedRejections());
        // Rows validation settled, rejected or unchanged, are not read again when writing.
        BitSet settled = new BitSet();
        FileDuplicates duplicates = new FileDuplicates();
        boolean[] plainPasswords = {false};
        forEachBatch(file, new BitSet(), progress, (header, batch) -> {
            for (PlannedRow plan : batches.plan(header, batch, null, duplicates)) {
                validation.count(plan);
                if (plan.outcome() == PlannedRow.Outcome.REJECTED || plan.outcome() == PlannedRow.Outcome.UNCHANGED) {
                    settled.set(Math.toIntExact(plan.row().index()));
                } else if (plan.row().password() != null) {
                    plainPasswords[0] = true;
                }
            }
            progress.advance(batch.size());
        });
        if (dryRun || (atomic && validation.rejected() > 0)) {
            return validation.report(false);
        }

        ImportTally result = validation.settledOnly();
        if (atomic) {
            return writeAtomically(file, settled, plainPasswords[0], rows, result, progress);
        }
        progress.startPass(ImportPhase.WRITING, rows);
        forEachBatch(file, settled, progress, (header, batch) -> {
            Map<Long, PasswordDecision> decided = Map.of();
            if (batch.stream().anyMatch(row -> row.password() != null)) {
                progress.phase(ImportPhase.HASHING);
                decided = passwords.decide(batches.plan(header, batch, null, null), () -> progress.advance(1));
            }
            progress.phase(ImportPhase.WRITING);
            batches.write(header, batch, decided).forEach(result::count);
            progress.advance(batch.size() - decided.size());
        });
        return result.report(true);
    }

    /**
     * All passwords are hashed first, outside any transaction (that may take hours); then every batch is
     * written in one transaction, rolled back if a row turns out rejected after all (someone changed a
     * student since validation). Memory then holds one hash per plain password of the file.
     */
    private StudentImportReport writeAtomically(Path file, BitSet settled, boolean plainPasswords, long rows,
            ImportTally result, ImportProgress progress) {
        Map<Long, PasswordDecision> decided = new HashMap<>();
        if (plainPasswords) {
            progress.startPass(ImportPhase.HASHING, rows);
            forEachBatch(file, settled, progress, (header, batch) -> {
                Map<Long, PasswordDecision> batchDecisions =
                        passwords.decide(batches.plan(header, batch, null, null), () -> progress.advance(1));
                decided.putAll(batchDecisions);
                progress.advance(batch.size() - batchDecisions.size());
            });
        }
        progress.startPass(ImportPhase.WRITING, rows);
        try {
            return result.report(writeInOneTransaction(file, settled, decided, result, progress));
        } catch (DataIntegrityViolationException | StudentBatchWriter.StudentsChangedMeanwhile e) {
            throw new StudentImportException("A student changed while the import wrote it. Nothing was written; "
                    + "import the file again.");
        }
    }

    private boolean writeInOneTransaction(Path file, BitSet settled, Map<Long, PasswordDecision> decided,
            ImportTally result, ImportProgress progress) {
        return Boolean.TRUE.equals(batches.inTransaction(status -> {
            forEachBatch(file, settled, progress, (header, batch) -> {
                batches.planAndWrite(header, batch, decided).forEach(result::count);
                progress.advance(batch.size());
            });
            if (result.rejected() > 0) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    private long count(Path file, ImportProgress progress) {
        long rows = 0;
        try (StudentCsvFile csv = StudentCsvFile.open(file)) {
            while (csv.next() != null) {
                checkNotStopped();
                rows++;
                progress.advance(1);
            }
        }
        return rows;
    }

    private void forEachBatch(Path file, BitSet skipped, ImportProgress progress, BatchWork work) {
        try (StudentCsvFile csv = StudentCsvFile.open(file)) {
            List<ImportRow> batch = new ArrayList<>(properties.batchSize());
            for (StudentCsvFile.CsvRow row = csv.next(); row != null; row = csv.next()) {
                if (skipped.get(Math.toIntExact(row.index()))) {
                    progress.advance(1);
                    continue;
                }
                batch.add(ImportRow.of(row, csv.header()));
                if (batch.size() == properties.batchSize()) {
                    checkNotStopped();
                    work.accept(csv.header(), batch);
                    batch = new ArrayList<>(properties.batchSize());
                }
            }
            if (!batch.isEmpty()) {
                work.accept(csv.header(), batch);
            }
        }
    }

    private static void checkNotStopped() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ImportStopped();
        }
    }

    @FunctionalInterface
    private interface BatchWork {
        void accept(StudentCsvHeader header, List<ImportRow> batch);
    }
}
