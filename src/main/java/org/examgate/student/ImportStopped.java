package org.examgate.student;

/** The running import was asked to stop: examgate is shutting down. */
class ImportStopped extends RuntimeException {

    ImportStopped() {
        super("The import was stopped");
    }
}
