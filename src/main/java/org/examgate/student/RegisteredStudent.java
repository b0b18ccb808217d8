package org.examgate.student;

import java.util.UUID;

/**
 * A student as the rest of examgate sees it: what verification needs to decide and to answer.
 *
 * @param attributesJson the student's free-form attributes as a JSON object text
 */
public record RegisteredStudent(UUID id, String studentNumber, String fullName, String email, String about,
        String photoUrl, StudentStatus status, String attributesJson, String passwordHash) {

    static RegisteredStudent of(Student student) {
        return new RegisteredStudent(student.getId(), student.getStudentNumber(), student.getFullName(),
                student.getEmail(), student.getAbout(), student.getPhotoUrl(), student.getStatus(),
                student.getAttributes(), student.getPasswordHash());
    }

    @Override
    public String toString() {
        // Never print the hash or personal data by accident.
        return "RegisteredStudent[" + id + "]";
    }
}
