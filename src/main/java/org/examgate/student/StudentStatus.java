package org.examgate.student;

/** Where a student stands; only {@link #ACTIVE} students may sit exams. */
public enum StudentStatus {
    ACTIVE, SUSPENDED, WITHDRAWN, GRADUATED
}
