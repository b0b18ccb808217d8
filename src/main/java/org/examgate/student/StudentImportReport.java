package org.examgate.student;

import java.util.List;

/**
 * What an import did. When {@code written} is false (a dry run, or an atomic import with a rejected
 * row) nothing was written and the counts say what the import would have done.
 *
 * @param rows data rows in the file (blank rows are not counted)
 * @param rejections the rejected rows by line, at most {@code examgate.student-import.max-listed-rejections}
 */
record StudentImportReport(boolean written, long rows, long created, long updated, long unchanged, long rejected,
        List<Rejection> rejections, boolean rejectionsTruncated) {

    /**
     * @param line the physical line of the file where the row starts (the header is line 1)
     * @param reason why, never quoting the row's values
     */
    record Rejection(long line, String reason) {
    }
}
