package org.examgate.inbox;

import java.util.Arrays;
import java.util.Optional;

/** The platform's notifications about a respondent, by their wire names. */
public enum NotificationType {
    ADMITTED_RESPONDENT("admitted_respondent"),
    RESULT_READY("result_ready"),
    INVESTIGATION_COMPLETE("investigation_complete");

    private final String wireName;

    NotificationType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<NotificationType> fromWireName(String event) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(event)).findFirst();
    }
}
