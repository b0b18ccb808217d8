package org.examgate.api;

import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 answers the admin API's resources share: unknown ids, bad requests and conflicts. */
public final class ApiProblems {

    private ApiProblems() {
    }

    public static ErrorResponseException notFound(String what, Object id) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "No " + what + " with id " + id + ".");
    }

    public static ErrorResponseException badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    /** A body larger than the resource accepts (413). */
    public static ErrorResponseException contentTooLarge(String detail) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", detail);
    }

    /** A validation failure of one field, listed the way validation failures are. */
    public static ErrorResponseException invalidField(String field, String message) {
        ErrorResponseException invalid = problem(HttpStatus.BAD_REQUEST, "Validation failed",
                "The request has invalid fields.");
        invalid.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return invalid;
    }

    /** A change that the current state does not allow, e.g. removing the last admin. */
    public static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    /**
     * A uniqueness conflict, naming the field whose unique constraint was violated. The database's own
     * message is never passed on: it quotes the conflicting value.
     *
     * @param what the kind of record that already holds the value, e.g. "student"
     * @param fieldByConstraint API field name by the name of the unique constraint or index
     */
    public static ErrorResponseException conflict(DataIntegrityViolationException e, String what,
            Map<String, String> fieldByConstraint) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        String field = fieldByConstraint.entrySet().stream()
                .filter(entry -> message.contains("\"" + entry.getKey() + "\""))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        ErrorResponseException conflict = problem(HttpStatus.CONFLICT, "Conflict", field == null
                ? "The change conflicts with existing data."
                : "Another " + what + " already has this " + field + ".");
        if (field != null) {
            conflict.getBody().setProperty("field", field);
        }
        return conflict;
    }

    /** The server cannot take the request now; the client may try again later (503). */
    public static ErrorResponseException unavailable(String detail) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
