package org.examgate.exam;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.examgate.student.IdentifierKind;
import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rules of each exam, as verification needs them. */
@Service
public class ExamCatalog {

    private static final TypeReference<List<FieldSpec>> LAYOUT = new TypeReference<>() {
    };
    private static final TypeReference<List<IdentifierKind>> KINDS = new TypeReference<>() {
    };

    /** Stands for a request without exam id; no registered exam can have this id (it is not a valid one). */
    private static final String NO_EXAM = "\u0000none";

    private final ExamRepository exams;
    private final Cache<String, Optional<ExamPolicy>> policies = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(2))
            .maximumSize(10_000)
            .build();
    private final ExamProperties properties;
    private final JsonMapper json;

    ExamCatalog(ExamRepository exams, ExamProperties properties, JsonMapper json) {
        this.exams = exams;
        this.properties = properties;
        this.json = json;
    }

    /**
     * The policy for an exam id: its registered rules, the default layout for an unknown exam, or
     * empty when unknown exams are refused. Read through a short-lived cache: on exam day every
     * verification asks, and a change made on another instance shows within two seconds.
     */
    public Optional<ExamPolicy> policyFor(String examId) {
        return policies.get(examId == null ? NO_EXAM : examId, this::load);
    }

    /** Forgets a cached policy at once, after staff changed the exam on this instance. */
    void forget(String examId) {
        policies.invalidate(examId);
    }

    private Optional<ExamPolicy> load(String examId) {
        Optional<Exam> exam = NO_EXAM.equals(examId) ? Optional.empty() : exams.findById(examId);
        if (exam.isPresent()) {
            return exam.map(this::policy);
        }
        return properties.unknown() == ExamProperties.UnknownExams.REJECT
                ? Optional.empty()
                : Optional.of(ExamPolicy.unregistered(NO_EXAM.equals(examId) ? null : examId));
    }

    ExamPolicy policy(Exam exam) {
        Map<Integer, FieldKind> layout = layout(exam).stream()
                .collect(Collectors.toMap(FieldSpec::position, FieldSpec::kind));
        return new ExamPolicy(exam.getExamId(), layout, identifierKinds(exam), exam.isRosterRequired(),
                exam.getOpensAt(), exam.getClosesAt(), exam.isActive(), true);
    }

    List<FieldSpec> layout(Exam exam) {
        return json.readValue(exam.getFieldLayout(), LAYOUT);
    }

    Set<IdentifierKind> identifierKinds(Exam exam) {
        List<IdentifierKind> kinds = json.readValue(exam.getIdentifierKinds(), KINDS);
        return kinds.isEmpty() ? EnumSet.noneOf(IdentifierKind.class) : EnumSet.copyOf(kinds);
    }
}
