package org.examgate.exam;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.examgate.student.IdentifierKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rules of each exam, as verification needs them. */
@Service
public class ExamCatalog {

    private static final TypeReference<List<FieldSpec>> LAYOUT = new TypeReference<>() {
    };
    private static final TypeReference<List<IdentifierKind>> KINDS = new TypeReference<>() {
    };

    private final ExamRepository exams;
    private final ExamProperties properties;
    private final JsonMapper json;

    ExamCatalog(ExamRepository exams, ExamProperties properties, JsonMapper json) {
        this.exams = exams;
        this.properties = properties;
        this.json = json;
    }

    /**
     * The policy for an exam id: its registered rules, the default layout for an unknown exam, or
     * empty when unknown exams are refused.
     */
    @Transactional(readOnly = true)
    public Optional<ExamPolicy> policyFor(String examId) {
        Optional<Exam> exam = examId == null ? Optional.empty() : exams.findById(examId);
        if (exam.isPresent()) {
            return exam.map(this::policy);
        }
        return properties.unknown() == ExamProperties.UnknownExams.REJECT
                ? Optional.empty()
                : Optional.of(ExamPolicy.unregistered(examId));
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
