package org.examgate.student;

/** The fields of a student that staff edit, already normalised and validated. */
record StudentProfile(String studentNumber, String matricNumber, String email, String fullName, String about,
        StudentStatus status, String photoUrl, String attributesJson) {
}
