package org.examgate.exam;

/** What a welcome-page field holds. */
public enum FieldKind {
    /** Student number, matric number or e-mail address, as the exam allows. */
    IDENTIFIER,
    PASSWORD,
    /** A per-exam code issued to an enrolled student. */
    ACCESS_CODE
}
