package org.examgate.verification;

import java.time.Instant;

import org.examgate.exam.ExamPolicy;
import org.examgate.exam.Roster;
import org.examgate.student.RegisteredStudent;
import org.examgate.student.StudentStatus;
import org.springframework.stereotype.Component;

/**
 * Steps 4 to 6 of a verification, for a student who proved who they are: status, the exam's window,
 * the roster. Only ever run after the credential, so none of this is told to anyone else.
 */
@Component
class Admission {

    private final Roster roster;

    Admission(Roster roster) {
        this.roster = roster;
    }

    Outcome decide(ExamPolicy policy, RegisteredStudent student, Instant now) {
        if (student.status() != StudentStatus.ACTIVE) {
            return Outcome.ACCOUNT_INACTIVE;
        }
        if (policy.opensAt() != null && now.isBefore(policy.opensAt())) {
            return Outcome.EXAM_NOT_OPEN;
        }
        if (!policy.active() || (policy.closesAt() != null && !now.isBefore(policy.closesAt()))) {
            return Outcome.EXAM_CLOSED;
        }
        if (policy.rosterRequired() && !roster.isEnrolled(policy.examId(), student.id())) {
            return Outcome.NOT_ENROLLED;
        }
        return Outcome.VERIFIED;
    }
}
