package org.examgate.student;

/**
 * An import that cannot go on, for a reason staff can act on: no header, a missing required column,
 * not UTF-8, a quote left open. The message is meant for staff and never quotes the file's contents.
 */
class StudentImportException extends RuntimeException {

    StudentImportException(String message) {
        super(message);
    }
}
