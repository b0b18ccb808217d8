package org.examgate.api;

import java.time.Instant;

/**
 * The times the admin API accepts: from 2000 up to (not including) 2200. Anything else is a typing
 * mistake (seconds read as milliseconds, a year with too many digits) and beyond what PostgreSQL's
 * timestamps hold, so it is refused as a field error rather than failing in the database.
 */
public final class PlausibleTime {

    public static final String RANGE = "between 2000 and 2200";

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private PlausibleTime() {
    }

    /** Whether the time is absent or within range. */
    public static boolean isPlausible(Instant instant) {
        return instant == null || (!instant.isBefore(EARLIEST) && instant.isBefore(LATEST));
    }
}
