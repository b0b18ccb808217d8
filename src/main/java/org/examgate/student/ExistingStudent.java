package org.examgate.student;

import java.util.UUID;

/** A registered student as an import compares it with a row, read in bulk for a batch of rows. */
record ExistingStudent(UUID id, long version, String studentNumber, String matricNumber, String email,
        String fullName, String about, StudentStatus status, String photoUrl, String passwordHash,
        String attributesJson) {

    @Override
    public String toString() {
        // Never print the hash or personal data by accident.
        return "ExistingStudent[" + id + "]";
    }
}
