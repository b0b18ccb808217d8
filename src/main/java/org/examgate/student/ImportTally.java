package org.examgate.student;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Counts the outcomes of an import's rows and keeps the rejections for the report. */
final class ImportTally {

    private final int maxListed;
    private final List<StudentImportReport.Rejection> rejections = new ArrayList<>();
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;

    ImportTally(int maxListed) {
        this.maxListed = maxListed;
    }

    void count(PlannedRow plan) {
        switch (plan.outcome()) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case REJECTED -> {
                rejected++;
                if (rejections.size() < maxListed) {
                    rejections.add(new StudentImportReport.Rejection(plan.row().line(), plan.reason()));
                }
            }
        }
    }

    long rejected() {
        return rejected;
    }

    /** A fresh tally for writing, from the rows validation rejected or found unchanged (writing skips them). */
    ImportTally settledOnly() {
        ImportTally tally = new ImportTally(maxListed);
        tally.rejected = rejected;
        tally.unchanged = unchanged;
        tally.rejections.addAll(rejections);
        return tally;
    }

    StudentImportReport report(boolean written) {
        List<StudentImportReport.Rejection> listed = new ArrayList<>(rejections);
        listed.sort(Comparator.comparingLong(StudentImportReport.Rejection::line));
        return new StudentImportReport(written, created + updated + unchanged + rejected, created, updated, unchanged,
                rejected, List.copyOf(listed), rejected > listed.size());
    }
}
