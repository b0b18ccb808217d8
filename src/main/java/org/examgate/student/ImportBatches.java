package org.examgate.student;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** An import's database work for one batch of rows: planning it, and writing it in a transaction of its own. */
@Component
class ImportBatches {

    private static final int BATCH_ATTEMPTS = 2;

    private static final Map<String, String> REASON_BY_CONSTRAINT = Map.of(
            "student_number_uq", "conflict: another student has this student number",
            "student_matric_number_uq", "conflict: another student has this matric number",
            "student_email_uq", "conflict: another student has this email");

    private final ImportPlanner planner;
    private final StudentImportLookup lookup;
    private final StudentBatchWriter writer;
    private final TransactionTemplate transactions;

    ImportBatches(ImportPlanner planner, StudentImportLookup lookup, StudentBatchWriter writer,
            TransactionTemplate transactions) {
        this.planner = planner;
        this.lookup = lookup;
        this.writer = writer;
        this.transactions = transactions;
    }

    /** Runs the work in a transaction whose queries are planned for the table as it is now. */
    <T> T inTransaction(TransactionCallback<T> work) {
        return transactions.execute(status -> {
            lookup.planForTheTableAsItIsNow();
            return work.doInTransaction(status);
        });
    }

    List<PlannedRow> plan(StudentCsvHeader header, List<ImportRow> batch, Map<Long, PasswordDecision> passwords,
            FileDuplicates duplicates) {
        return inTransaction(status -> planner.plan(header, batch, passwords, duplicates));
    }

    /** Plans and writes within the transaction already open (the atomic import's one transaction). */
    List<PlannedRow> planAndWrite(StudentCsvHeader header, List<ImportRow> batch,
            Map<Long, PasswordDecision> passwords) {
        List<PlannedRow> plans = planner.plan(header, batch, passwords, null);
        writer.write(plans);
        return plans;
    }

    /**
     * Writes the batch in a transaction of its own, planned again inside it so that it is compared with
     * the registry as it is when written. When a student changes meanwhile, or a row conflicts in a way
     * planning could not foresee, the batch is tried again, then written one row at a time, so that only
     * the row at fault is rejected.
     */
    List<PlannedRow> write(StudentCsvHeader header, List<ImportRow> batch, Map<Long, PasswordDecision> passwords) {
        for (int attempt = 1; attempt <= BATCH_ATTEMPTS; attempt++) {
            try {
                return inTransaction(status -> planAndWrite(header, batch, passwords));
            } catch (DataIntegrityViolationException | StudentBatchWriter.StudentsChangedMeanwhile e) {
                // Planned afresh on the next attempt.
            }
        }
        List<PlannedRow> plans = new ArrayList<>(batch.size());
        for (ImportRow row : batch) {
            plans.add(writeAlone(header, row, passwords));
        }
        return plans;
    }

    private PlannedRow writeAlone(StudentCsvHeader header, ImportRow row, Map<Long, PasswordDecision> passwords) {
        try {
            return inTransaction(status -> planAndWrite(header, List.of(row), passwords).get(0));
        } catch (DataIntegrityViolationException e) {
            return PlannedRow.rejected(row, null, reasonFor(e));
        } catch (StudentBatchWriter.StudentsChangedMeanwhile e) {
            return PlannedRow.rejected(row, null, ImportPlanner.CHANGED_MEANWHILE);
        }
    }

    /** Names the unique index at fault; the database's message is not passed on, as it quotes values. */
    private static String reasonFor(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return REASON_BY_CONSTRAINT.entrySet().stream()
                .filter(entry -> message.contains("\"" + entry.getKey() + "\""))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("conflict with another student");
    }
}
