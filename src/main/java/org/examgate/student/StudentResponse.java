package org.examgate.student;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A student as the admin API shows it: never the password or its hash. */
record StudentResponse(UUID id, String studentNumber, String matricNumber, String email, String fullName,
        String about, StudentStatus status, String photoUrl, boolean hasPhoto, boolean hasPassword,
        Map<String, Object> attributes, Instant createdAt, Instant updatedAt) {

    static StudentResponse of(Student student, Map<String, Object> attributes, boolean hasPhoto) {
        return new StudentResponse(student.getId(), student.getStudentNumber(), student.getMatricNumber(),
                student.getEmail(), student.getFullName(), student.getAbout(), student.getStatus(),
                student.getPhotoUrl(), hasPhoto, student.getPasswordHash() != null, attributes,
                student.getCreatedAt(), student.getUpdatedAt());
    }
}
