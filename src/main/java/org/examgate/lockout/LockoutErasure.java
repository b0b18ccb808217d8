package org.examgate.lockout;

import org.examgate.student.StudentDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Forgets the failures counted against a deleted student's identifiers: they are personal data, and
 * a student registered again under the same number must not inherit a wait.
 */
@Component
class LockoutErasure {

    private final Lockouts lockouts;

    LockoutErasure(Lockouts lockouts) {
        this.lockouts = lockouts;
    }

    @EventListener
    void forget(StudentDeletion deletion) {
        deletion.identifiers().forEach(identifier -> lockouts.clearIdentifier(LockoutScope.STUDENT, identifier));
    }
}
