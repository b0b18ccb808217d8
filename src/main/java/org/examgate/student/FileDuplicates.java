package org.examgate.student;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The identifiers the rows of one file claim, so that a later row claiming one again is rejected: the
 * first row wins. Every row counts, rejected or not, so fixing an earlier row never lets a later twin in.
 *
 * <p>This is the one thing an import keeps per row, so it is kept small: not the identifiers but a
 * 128-bit fingerprint of each (SHA-256, cut short) in an open-addressing table, about 40 bytes per
 * identifier instead of some 120 for a map of strings. Two identifiers sharing a fingerprint is as
 * likely as an SHA-256 collision cut to 128 bits: about 10^-27 for a million rows.
 */
final class FileDuplicates {

    private static final int INITIAL_SLOTS = 1 << 12;

    private final MessageDigest sha256;
    /** Two longs per slot; 0, 0 marks an empty slot (a fingerprint that happens to be zero is made 0, 1). */
    private long[] fingerprints = new long[2 * INITIAL_SLOTS];
    private int[] lines = new int[INITIAL_SLOTS];
    private int size;

    FileDuplicates() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Notes the row's identifiers and answers the reasons to reject it, if an earlier row has any of them. */
    List<String> claim(long line, String studentNumber, String matricNumber, String email) {
        List<String> reasons = new ArrayList<>(0);
        claim("student number", studentNumber, line, reasons);
        claim("matric number", matricNumber, line, reasons);
        claim("email", email == null ? null : email.toLowerCase(Locale.ROOT), line, reasons);
        return reasons;
    }

    private void claim(String kind, String value, long line, List<String> reasons) {
        if (value == null || value.isEmpty()) {
            return;
        }
        sha256.update(kind.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
        long high = digest.getLong();
        long low = digest.getLong();
        int first = claim(high, high == 0 && low == 0 ? 1 : low, Math.toIntExact(line));
        if (first != 0) {
            reasons.add("duplicate within the file: same " + kind + " as line " + first);
        }
    }

    /** The line that claimed the fingerprint first, or 0 if this line is the first. */
    private int claim(long high, long low, int line) {
        int mask = lines.length - 1;
        for (int slot = (int) low & mask; ; slot = (slot + 1) & mask) {
            if (fingerprints[2 * slot] == 0 && fingerprints[2 * slot + 1] == 0) {
                fingerprints[2 * slot] = high;
                fingerprints[2 * slot + 1] = low;
                lines[slot] = line;
                if (++size > lines.length * 3 / 4) {
                    grow();
                }
                return 0;
            }
            if (fingerprints[2 * slot] == high && fingerprints[2 * slot + 1] == low) {
                return lines[slot];
            }
        }
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        int[] oldLines = lines;
        fingerprints = new long[oldFingerprints.length * 2];
        lines = new int[oldLines.length * 2];
        size = 0;
        for (int slot = 0; slot < oldLines.length; slot++) {
            if (oldFingerprints[2 * slot] != 0 || oldFingerprints[2 * slot + 1] != 0) {
                claim(oldFingerprints[2 * slot], oldFingerprints[2 * slot + 1], oldLines[slot]);
            }
        }
    }
}
