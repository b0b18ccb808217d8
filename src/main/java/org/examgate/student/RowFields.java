package org.examgate.student;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.examgate.credential.PasswordHashing;

/**
 * The fields a student has after an import row: the row's cell where the file has the column (an
 * empty cell clears the field), the stored value where it has not. Checked by the same rules as the
 * admin API's student body, so that an import accepts exactly what the API accepts.
 *
 * @param status null when the cell names no known status
 * @param problems why the row cannot be imported, in column order; empty if it can
 */
record RowFields(String studentNumber, String matricNumber, String email, String fullName, String about,
        StudentStatus status, String photoUrl, List<String> problems) {

    static RowFields of(ImportRow row, ExistingStudent existing, Validator validator) {
        List<String> problems = new ArrayList<>();
        String number = row.cell(StudentColumn.STUDENT_NUMBER).strip();
        String matric = field(row, StudentColumn.MATRIC_NUMBER, existing == null ? null : existing.matricNumber());
        String email = field(row, StudentColumn.EMAIL, existing == null ? null : existing.email());
        String fullName = field(row, StudentColumn.FULL_NAME, existing == null ? null : existing.fullName());
        String about = field(row, StudentColumn.ABOUT, existing == null ? null : existing.about());
        String photoUrl = field(row, StudentColumn.PHOTO_URL, existing == null ? null : existing.photoUrl());
        if (!row.isUtf8()) {
            problems.add("not UTF-8 text: save the file as \"CSV UTF-8\"");
        }
        if (!row.isStorable()) {
            problems.add("contains a NUL character or broken text");
        }
        if (row.hasExtraCells()) {
            problems.add("more cells than the header row has columns");
        }
        StudentRequest request = new StudentRequest(number, matric, email, fullName, about, null, photoUrl,
                row.password(), row.passwordHash(), null);
        validator.validate(request).stream()
                .sorted(Comparator.comparing(RowFields::columnOrder))
                .map(RowFields::describe)
                .forEach(problems::add);
        StudentStatus status = status(row, existing);
        if (status == null) {
            problems.add("unknown status: use ACTIVE, SUSPENDED, WITHDRAWN or GRADUATED");
        }
        if (row.password() != null && row.passwordHash() != null) {
            problems.add("both password and passwordHash given: give one");
        }
        if (row.passwordHash() != null && !PasswordHashing.isSupported(row.passwordHash())) {
            problems.add("bad passwordHash format: use the {bcrypt}, {argon2} or {pbkdf2} form");
        }
        return new RowFields(number, matric, email, fullName, about, status, photoUrl, List.copyOf(problems));
    }

    private static String field(ImportRow row, StudentColumn column, String stored) {
        String cell = row.cell(column);
        if (cell == null) {
            return stored;
        }
        return cell.isBlank() ? null : cell.strip();
    }

    /**
     * An empty cell keeps the stored status (a new student is ACTIVE): a blank cell must never
     * re-activate a suspended student. Names are read case-insensitively.
     */
    private static StudentStatus status(ImportRow row, ExistingStudent existing) {
        String cell = row.cell(StudentColumn.STATUS);
        if (cell == null || cell.isBlank()) {
            return existing == null ? StudentStatus.ACTIVE : existing.status();
        }
        String name = cell.strip().toUpperCase(Locale.ROOT);
        try {
            return StudentStatus.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static int columnOrder(ConstraintViolation<StudentRequest> violation) {
        return StudentColumn.named(violation.getPropertyPath().toString()).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }

    private static String describe(ConstraintViolation<StudentRequest> violation) {
        String field = violation.getPropertyPath().toString();
        Object constraint = violation.getConstraintDescriptor().getAnnotation();
        if (constraint instanceof NotBlank) {
            return "studentNumber".equals(field) ? "missing student number" : "missing full name";
        }
        if (constraint instanceof Size size) {
            return "too long: " + field + " (at most " + size.max() + " characters)";
        }
        if (constraint instanceof Email) {
            return "invalid email";
        }
        if (constraint instanceof Pattern) {
            return "invalid " + field + ": not an absolute http or https URL";
        }
        return "invalid " + field;
    }
}
