package org.examgate.student;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Students as other features see them, read in short transactions that never span a password hash. */
@Service
public class StudentDirectory {

    private final StudentRepository students;

    StudentDirectory(StudentRepository students) {
        this.students = students;
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
