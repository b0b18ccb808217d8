package org.examgate.student;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.examgate.api.ApiProblems;
import org.examgate.api.SafeText;
import org.examgate.credential.PasswordHashing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Staff changes to the registry: create, update, delete, set password. */
@Service
class StudentAdministration {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES_TYPE = new TypeReference<>() {
    };

    private static final Map<String, String> FIELD_BY_CONSTRAINT = Map.of(
            "student_number_uq", "studentNumber",
            "student_matric_number_uq", "matricNumber",
            "student_email_uq", "email");

    static final int MAX_ATTRIBUTES_LENGTH = 16_384;

    private final StudentRepository students;
    private final PasswordHashing hashing;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StudentAdministration(StudentRepository students, PasswordHashing hashing, JsonMapper json,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.students = students;
        this.hashing = hashing;
        this.json = json;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    Student create(StudentRequest request) {
        String hash = passwordHash(request.passwordRequest());
        Instant now = clock.instant();
        Student student = new Student(UUID.randomUUID(), now);
        student.updateProfile(request.toProfile(attributesJson(request.attributes())), now);
        if (hash != null) {
            student.setPasswordHash(hash, now);
        }
        return saveReportingConflicts(student);
    }

    Student update(UUID id, StudentRequest request) {
        String hash = passwordHash(request.passwordRequest());
        return transactionally(() -> {
            Student student = find(id);
            Instant now = clock.instant();
            student.updateProfile(request.toProfile(attributesJson(request.attributes())), now);
            if (hash != null) {
                student.setPasswordHash(hash, now);
            }
            students.flush();
            return student;
        });
    }

    void setPassword(UUID id, PasswordRequest request) {
        if (request.isEmpty()) {
            throw ApiProblems.badRequest("Give either password or passwordHash.");
        }
        String hash = passwordHash(request);
        transactionally(() -> {
            find(id).setPasswordHash(hash, clock.instant());
            return null;
        });
    }

    /**
     * Erases the student: photo, enrollments and access codes go with the row (foreign keys cascade),
     * and the features that keep records of the student by other means (the verification trail, the
     * lockout counters) erase or unlink them in this same transaction, before the row goes.
     */
    void delete(UUID id) {
        transactionally(() -> {
            Student student = students.findLockedById(id).orElseThrow(() -> ApiProblems.notFound("student", id));
            events.publishEvent(new StudentDeletion(id, Stream.of(student.getStudentNumber(),
                    student.getMatricNumber(), student.getEmail()).filter(Objects::nonNull).toList()));
            students.delete(student);
            return null;
        });
    }

    Student find(UUID id) {
        return students.findById(id).orElseThrow(() -> ApiProblems.notFound("student", id));
    }

    Map<String, Object> attributesOf(Student student) {
        return json.readValue(student.getAttributes(), ATTRIBUTES_TYPE);
    }

    /** Hashes before any transaction starts, so that a slow hash never holds a database connection. */
    private String passwordHash(PasswordRequest request) {
        if (request.password() != null && request.passwordHash() != null) {
            throw ApiProblems.badRequest("Give either password or passwordHash, not both.");
        }
        if (request.passwordHash() != null) {
            if (!PasswordHashing.isSupported(request.passwordHash())) {
                throw ApiProblems.badRequest(
                        "passwordHash must be in {bcrypt}, {argon2} or {pbkdf2} form, e.g. {bcrypt}$2a$10$...");
            }
            return request.passwordHash();
        }
        return request.password() == null ? null : hashing.hash(request.password());
    }

    /**
     * Attributes travel to the platform in every verification answer: they are kept small, and their
     * text must be storable as given.
     */
    private String attributesJson(Map<String, Object> attributes) {
        if (attributes != null && !safe(attributes)) {
            throw ApiProblems.invalidField("attributes",
                    "must not contain NUL characters, broken text or numbers too large to store");
        }
        String text = json.writeValueAsString(attributes == null ? Map.of() : attributes);
        if (text.length() > MAX_ATTRIBUTES_LENGTH) {
            throw ApiProblems.invalidField("attributes", "must be at most " + MAX_ATTRIBUTES_LENGTH
                    + " characters as JSON");
        }
        return text;
    }

    private static boolean safe(Object value) {
        if (value instanceof String text) {
            return SafeText.isSafe(text);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().allMatch(entry -> safe(entry.getKey()) && safe(entry.getValue()));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().allMatch(StudentAdministration::safe);
        }
        // 1e999 reads as infinity, which would be stored as the text "Infinity": refused, not changed.
        if (value instanceof Double number) {
            return Double.isFinite(number);
        }
        if (value instanceof Float number) {
            return Float.isFinite(number);
        }
        return true;
    }

    private Student saveReportingConflicts(Student student) {
        return transactionally(() -> students.saveAndFlush(student));
    }

    private <T> T transactionally(Supplier<T> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (DataIntegrityViolationException e) {
            throw ApiProblems.conflict(e, "student", FIELD_BY_CONSTRAINT);
        }
    }
}
