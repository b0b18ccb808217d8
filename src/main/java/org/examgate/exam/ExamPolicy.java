package org.examgate.exam;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.examgate.student.IdentifierKind;

/**
 * The rules a verification follows for one exam.
 *
 * @param layout the kind of value each welcome-page position holds
 * @param registered false for an exam examgate does not know, verified with the default layout
 */
public record ExamPolicy(String examId, Map<Integer, FieldKind> layout, Set<IdentifierKind> identifierKinds,
        boolean rosterRequired, Instant opensAt, Instant closesAt, boolean active, boolean registered) {

    /** The platform's default: position 0 the identifier (any kind), position 1 the password. */
    public static final Map<Integer, FieldKind> DEFAULT_LAYOUT = Map.of(0, FieldKind.IDENTIFIER, 1, FieldKind.PASSWORD);

    public ExamPolicy {
        layout = Map.copyOf(layout);
        identifierKinds = Set.copyOf(identifierKinds);
    }

    static ExamPolicy unregistered(String examId) {
        return new ExamPolicy(examId, DEFAULT_LAYOUT, EnumSet.allOf(IdentifierKind.class), false, null, null, true,
                false);
    }

    /** The position of the field of this kind, if the exam has one. */
    public Optional<Integer> positionOf(FieldKind kind) {
        return layout.entrySet().stream().filter(entry -> entry.getValue() == kind).map(Map.Entry::getKey).findFirst();
    }

    public boolean asks(FieldKind kind) {
        return layout.containsValue(kind);
    }
}
