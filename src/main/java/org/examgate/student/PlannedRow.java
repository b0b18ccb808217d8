package org.examgate.student;

/**
 * What one import row does to the registry.
 *
 * @param reason why the row is rejected; null otherwise
 * @param existing the registered student with the row's number, or null
 * @param profile the student's fields after the import; null when rejected
 * @param passwordHash the hash stored after the import
 * @param passwordPending whether the row's plain password is not compared with the stored hash yet
 *     (validation only: it costs a hash), so an existing student counts as updated
 */
record PlannedRow(ImportRow row, Outcome outcome, String reason, ExistingStudent existing, StudentProfile profile,
        String passwordHash, boolean passwordPending) {

    enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED
    }

    static PlannedRow rejected(ImportRow row, ExistingStudent existing, String reason) {
        return new PlannedRow(row, Outcome.REJECTED, reason, existing, null, null, false);
    }

    @Override
    public String toString() {
        return "PlannedRow[line " + row.line() + ", " + outcome + "]";
    }
}
