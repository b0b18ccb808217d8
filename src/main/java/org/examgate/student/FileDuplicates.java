package org.examgate.student;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The identifiers the rows of one file claim, so that a later row claiming one again is rejected: the
 * first row wins. Every row counts, rejected or not, so fixing an earlier row never lets a later twin in.
 * Memory grows with the file (about 100 bytes per identifier), the one thing an import keeps per row.
 */
final class FileDuplicates {

    private final Map<String, Long> studentNumbers = new HashMap<>();
    private final Map<String, Long> matricNumbers = new HashMap<>();
    private final Map<String, Long> emails = new HashMap<>();

    /** Notes the row's identifiers and answers the reasons to reject it, if an earlier row has any of them. */
    List<String> claim(long line, String studentNumber, String matricNumber, String email) {
        List<String> reasons = new ArrayList<>(0);
        claim(studentNumbers, studentNumber, line, "student number", reasons);
        claim(matricNumbers, matricNumber, line, "matric number", reasons);
        claim(emails, email == null ? null : email.toLowerCase(Locale.ROOT), line, "email", reasons);
        return reasons;
    }

    private static void claim(Map<String, Long> claimed, String value, long line, String what, List<String> reasons) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Long first = claimed.putIfAbsent(value, line);
        if (first != null) {
            reasons.add("duplicate within the file: same " + what + " as line " + first);
        }
    }
}
