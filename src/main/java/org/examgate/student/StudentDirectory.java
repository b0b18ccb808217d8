package org.examgate.student;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks students up for verification, in short transactions that never span a password hash. */
@Service
public class StudentDirectory {

    private final StudentRepository students;

    StudentDirectory(StudentRepository students) {
        this.students = students;
    }

    /**
     * The students a typed identifier may name: student number or matric number exactly, e-mail
     * address case-insensitively, surrounding whitespace ignored. Most specific kind first.
     */
    @Transactional(readOnly = true)
    public List<RegisteredStudent> findByIdentifier(String identifier) {
        String value = identifier == null ? "" : identifier.strip();
        if (value.isEmpty()) {
            return List.of();
        }
        return students.findByIdentifier(value).stream().map(RegisteredStudent::of).toList();
    }

    /** Stores a fresh hash of the same password, unless the password was changed meanwhile. */
    @Transactional
    public void upgradePasswordHash(UUID studentId, String oldHash, String newHash) {
        students.replacePasswordHash(studentId, oldHash, newHash);
    }
}
