package org.examgate.inbox;

import java.util.Locale;

/** How a delivered event was taken in; its lower-case name is the webhook's {@code status}. */
public enum Receipt {
    /** Stored for the first time. */
    RECEIVED,
    /** Already stored: the delivery was counted, nothing else changed. */
    DUPLICATE,
    /** An event examgate does not know: stored for the record, nothing else done. */
    IGNORED;

    public String status() {
        return name().toLowerCase(Locale.ROOT);
    }
}
