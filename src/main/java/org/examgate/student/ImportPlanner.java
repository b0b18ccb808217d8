package org.examgate.student;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Decides what each row of a batch does to the registry: create a student, update one, leave one
 * unchanged, or nothing because the row is rejected, and why. Compares with the registry as it is
 * now, read with at most three queries per batch.
 */
@Component
class ImportPlanner {

    static final String CHANGED_MEANWHILE =
            "the student was changed by someone else during the import: import the row again";

    private final StudentImportLookup lookup;
    private final Validator validator;
    private final AttributeCells cells;

    ImportPlanner(StudentImportLookup lookup, Validator validator, AttributeCells cells) {
        this.lookup = lookup;
        this.validator = validator;
        this.cells = cells;
    }

    /**
     * @param passwords the decided plain passwords by row index; null to leave them undecided (validation)
     * @param duplicates the identifiers earlier rows claimed, to check and extend; null when already checked
     */
    List<PlannedRow> plan(StudentCsvHeader header, List<ImportRow> rows, Map<Long, PasswordDecision> passwords,
            FileDuplicates duplicates) {
        Set<String> numbers = new HashSet<>();
        // Only values the database can take are looked up; a row holding others is rejected by line.
        rows.stream().filter(ImportRow::isStorable)
                .forEach(row -> numbers.add(row.cell(StudentColumn.STUDENT_NUMBER).strip()));
        Map<String, ExistingStudent> existing = lookup.byStudentNumber(numbers);
        List<RowFields> fields = new ArrayList<>(rows.size());
        Set<String> matricNumbers = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (ImportRow row : rows) {
            RowFields rowFields = RowFields.of(row, existing.get(row.cell(StudentColumn.STUDENT_NUMBER).strip()),
                    validator);
            fields.add(rowFields);
            if (!row.isStorable()) {
                continue;
            }
            if (rowFields.matricNumber() != null) {
                matricNumbers.add(rowFields.matricNumber());
            }
            if (rowFields.email() != null) {
                emails.add(rowFields.email());
            }
        }
        StudentImportLookup.Holders holders = lookup.holders(matricNumbers, emails);
        List<PlannedRow> plans = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            RowFields rowFields = fields.get(i);
            plans.add(plan(header, rows.get(i), rowFields, existing.get(rowFields.studentNumber()), holders,
                    passwords, duplicates));
        }
        return plans;
    }

    private PlannedRow plan(StudentCsvHeader header, ImportRow row, RowFields fields, ExistingStudent existing,
            StudentImportLookup.Holders holders, Map<Long, PasswordDecision> passwords, FileDuplicates duplicates) {
        List<String> reasons = new ArrayList<>(fields.problems());
        if (duplicates != null) {
            reasons.addAll(duplicates.claim(row.line(), fields.studentNumber(), fields.matricNumber(), fields.email()));
        }
        // A value another registered student holds is a conflict even if a later row frees it: rows are
        // compared with the registry, not with each other, so the outcome never depends on row order.
        if (heldByAnother(holders.byMatricNumber().get(fields.matricNumber()), fields)) {
            reasons.add("conflict: another student has this matric number");
        }
        if (heldByAnother(holders.byEmail().get(fields.email()), fields)) {
            reasons.add("conflict: another student has this email");
        }
        String stored = existing == null ? null : existing.passwordHash();
        String hash = stored;
        boolean pending = false;
        if (row.passwordHash() != null) {
            hash = row.passwordHash();
        } else if (row.password() != null) {
            PasswordDecision decision = passwords == null ? null : passwords.get(row.index());
            pending = passwords == null;
            if (decision != null && Objects.equals(decision.checkedAgainst(), stored)) {
                hash = decision.newHash() == null ? stored : decision.newHash();
            } else if (!pending) {
                reasons.add(CHANGED_MEANWHILE);
            }
        }
        if (!reasons.isEmpty()) {
            return PlannedRow.rejected(row, existing, String.join("; ", reasons));
        }
        String attributesJson = attributesJson(header, row, existing);
        // The same bound as the admin API's: attributes travel in every verification answer, and a stored
        // key longer than the JSON reader accepts would make the student unreadable.
        if (attributesJson.length() > StudentAdministration.MAX_ATTRIBUTES_LENGTH) {
            return PlannedRow.rejected(row, existing, "too long: attributes (at most "
                    + StudentAdministration.MAX_ATTRIBUTES_LENGTH + " characters as JSON)");
        }
        StudentProfile profile = new StudentProfile(fields.studentNumber(), fields.matricNumber(), fields.email(),
                fields.fullName(), fields.about(), fields.status(), fields.photoUrl(), attributesJson);
        PlannedRow.Outcome outcome = existing == null ? PlannedRow.Outcome.CREATED
                : pending || changed(existing, profile, hash) ? PlannedRow.Outcome.UPDATED
                : PlannedRow.Outcome.UNCHANGED;
        return new PlannedRow(row, outcome, null, existing, profile, hash, pending);
    }

    private static boolean heldByAnother(String holder, RowFields fields) {
        return holder != null && !holder.equals(fields.studentNumber());
    }

    /**
     * The attributes after the row: each attribute column sets its key (an empty cell removes it), keys
     * the file has no column for are kept. A cell reading exactly as the stored value keeps that value,
     * its JSON type included. When nothing changes, the stored text itself is answered, so that comparing
     * texts tells whether the attributes changed.
     */
    private String attributesJson(StudentCsvHeader header, ImportRow row, ExistingStudent existing) {
        List<String> keys = header.attributeKeys();
        if (keys.isEmpty()) {
            return existing == null ? "{}" : existing.attributesJson();
        }
        Map<String, Object> stored = existing == null ? Map.of() : cells.parse(existing.attributesJson());
        Map<String, Object> attributes = new LinkedHashMap<>(stored);
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String cell = row.attribute(i);
            boolean same = stored.containsKey(key) && cells.cell(stored.get(key)).equals(cell);
            if (same) {
                continue;
            }
            if (cell.isEmpty()) {
                attributes.remove(key);
            } else {
                attributes.put(key, cell);
            }
        }
        return attributes.equals(stored) && existing != null ? existing.attributesJson() : cells.toJson(attributes);
    }

    private static boolean changed(ExistingStudent existing, StudentProfile profile, String hash) {
        return !(Objects.equals(existing.matricNumber(), profile.matricNumber())
                && Objects.equals(existing.email(), profile.email())
                && Objects.equals(existing.fullName(), profile.fullName())
                && Objects.equals(existing.about(), profile.about())
                && existing.status() == profile.status()
                && Objects.equals(existing.photoUrl(), profile.photoUrl())
                && Objects.equals(existing.passwordHash(), hash)
                // The very text read from the database is kept when the attributes are the same.
                && existing.attributesJson().equals(profile.attributesJson()));
    }
}
