package org.examgate.lockout;

/** Whose attempts are counted: students at the exam's welcome page, or staff at the admin API. */
public enum LockoutScope {
    STUDENT, STAFF
}
