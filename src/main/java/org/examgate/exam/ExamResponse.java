package org.examgate.exam;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.examgate.student.IdentifierKind;

record ExamResponse(String examId, String title, List<FieldSpec> fieldLayout, Set<IdentifierKind> identifierKinds,
        boolean rosterRequired, Instant opensAt, Instant closesAt, boolean active, Instant createdAt,
        Instant updatedAt) {
}
