package org.examgate.student;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of a student CSV that are student fields. Every other column is an attribute. */
enum StudentColumn {

    STUDENT_NUMBER("studentNumber"), MATRIC_NUMBER("matricNumber"), EMAIL("email"), FULL_NAME("fullName"),
    ABOUT("about"), STATUS("status"), PHOTO_URL("photoUrl"), PASSWORD("password"), PASSWORD_HASH("passwordHash");

    /** What an export writes, in this order: every field, never a password or hash. */
    static final List<StudentColumn> EXPORTED =
            List.of(STUDENT_NUMBER, MATRIC_NUMBER, EMAIL, FULL_NAME, ABOUT, STATUS, PHOTO_URL);

    private final String header;
    private final String key;

    StudentColumn(String header) {
        this.header = header;
        this.key = normalize(header);
    }

    String header() {
        return header;
    }

    /** "Student Number", "student_number", "STUDENT-NUMBER" and "studentNumber" all name the same column. */
    static Optional<StudentColumn> named(String header) {
        String wanted = normalize(header);
        for (StudentColumn column : values()) {
            if (column.key.equals(wanted)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    private static String normalize(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}
