package org.examgate.student;

/** Where an import job is. Validating, hashing and writing each read through the whole file once. */
enum ImportPhase {
    /** Waiting behind another import on the instance that received the file. */
    QUEUED,
    /** Counting the rows, and checking the file is UTF-8 CSV throughout. */
    PARSING,
    /** Checking every row against the rules, the rest of the file and the registry; nothing is written. */
    VALIDATING,
    /** Hashing plain passwords (per batch, or for the whole file first in an atomic import). */
    HASHING,
    /** Writing created and updated students. */
    WRITING,
    DONE,
    FAILED;

    boolean finished() {
        return this == DONE || this == FAILED;
    }
}
