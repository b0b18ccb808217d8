package org.examgate.verification;

import java.time.Instant;

import org.examgate.exam.ExamPolicy;
import org.examgate.student.StudentStatus;
import org.examgate.verification.VerificationReads.Candidate;

/**
 * Steps 4 to 6 of a verification, for a student who proved who they are: status, the exam's window,
 * the roster. Only ever run after the credential, so none of this is told to anyone else.
 */
final class Admission {

    private Admission() {
    }

    static Outcome decide(ExamPolicy policy, Candidate proven, Instant now) {
        if (proven.student().status() != StudentStatus.ACTIVE) {
            return Outcome.ACCOUNT_INACTIVE;
        }
        if (policy.opensAt() != null && now.isBefore(policy.opensAt())) {
            return Outcome.EXAM_NOT_OPEN;
        }
        if (!policy.active() || (policy.closesAt() != null && !now.isBefore(policy.closesAt()))) {
            return Outcome.EXAM_CLOSED;
        }
        if (policy.rosterRequired() && !proven.enrolled()) {
            return Outcome.NOT_ENROLLED;
        }
        return Outcome.VERIFIED;
    }
}
