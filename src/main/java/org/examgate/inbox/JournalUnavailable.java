package org.examgate.inbox;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * The journal cannot take a notification (it is full, closed, or its disk failed). A data access
 * failure like the database's own: the webhook answers 503, and the platform delivers again later.
 */
class JournalUnavailable extends TransientDataAccessResourceException {

    JournalUnavailable(String message) {
        super(message);
    }

    JournalUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
