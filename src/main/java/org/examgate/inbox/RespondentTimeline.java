package org.examgate.inbox;

import java.time.Instant;

/** What the platform has told examgate about one respondent of one exam; times not yet known are null. */
record RespondentTimeline(String examId, String respondentId, Instant admittedAt, Instant resultReadyAt,
        Instant investigationCompletedAt, Instant lastEventAt) {
}
