package org.examgate.student;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    public List<RegisteredStudent> findByIdentifier(String identifier, Set<IdentifierKind> kinds) {
        String value = identifier == null ? "" : identifier.strip();
        if (value.isEmpty() || kinds.isEmpty()) {
            return List.of();
        }
        return students.findByIdentifier(value, kinds.contains(IdentifierKind.STUDENT_NUMBER),
                        kinds.contains(IdentifierKind.MATRIC_NUMBER), kinds.contains(IdentifierKind.EMAIL))
                .stream().map(RegisteredStudent::of).toList();
    }

    @Transactional(readOnly = true)
    public Optional<RegisteredStudent> findById(UUID id) {
        return students.findById(id).map(RegisteredStudent::of);
    }

    @Transactional(readOnly = true)
    public List<RegisteredStudent> findAllById(Collection<UUID> ids) {
        return students.findAllById(ids).stream().map(RegisteredStudent::of).toList();
    }

    /** The students with these numbers; numbers no student has are simply absent from the answer. */
    @Transactional(readOnly = true)
    public List<RegisteredStudent> findByStudentNumbers(Collection<String> studentNumbers) {
        return students.findByStudentNumberIn(studentNumbers).stream().map(RegisteredStudent::of).toList();
    }

    /** Stores a fresh hash of the same password, unless the password was changed meanwhile. */
    @Transactional
    public void upgradePasswordHash(UUID studentId, String oldHash, String newHash) {
        students.replacePasswordHash(studentId, oldHash, newHash);
    }
}
