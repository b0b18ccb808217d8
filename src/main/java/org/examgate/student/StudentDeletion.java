package org.examgate.student;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction that deletes a student, while the student's row is locked and
 * still there: a listener erases or anonymises what its feature keeps about the student in that same
 * transaction, so that either everything goes or nothing does. Listeners must be synchronous.
 *
 * @param identifiers the student number, matric number and e-mail address the student had, for
 *     records kept by typed identifier rather than by student
 */
public record StudentDeletion(UUID studentId, List<String> identifiers) {
}
