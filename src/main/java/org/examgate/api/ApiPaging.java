package org.examgate.api;

import java.util.Locale;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** The admin API's paging rules: pages from 0, 50 by default, at most 500, always a stable order. */
public final class ApiPaging {

    public static final int MAX_SIZE = 500;

    private ApiPaging() {
    }

    public static Pageable of(int page, int size, Sort stableOrder) {
        if ((long) page * size > Integer.MAX_VALUE) {
            // The database query takes the offset as an int: a page this far away cannot be asked for.
            throw ApiProblems.invalidField("page", "is too large for this page size");
        }
        return PageRequest.of(page, size, stableOrder);
    }

    /** A lower-case LIKE pattern matching {@code text} anywhere, or null for no text. */
    public static String containsPattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
