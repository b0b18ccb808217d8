package org.examgate.student;

/** The kinds of identifier a student may type to say who they are. */
public enum IdentifierKind {
    STUDENT_NUMBER, MATRIC_NUMBER, EMAIL
}
