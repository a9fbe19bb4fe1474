package dev.warden.common.problem;

import java.util.List;

/**
 * A domain error that maps to a problem response: thrown by services, never built by resources.
 * Use the factory methods so statuses stay consistent across the API.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not Found", what + " " + id + " does not exist", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "Bad Request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A passing condition on our side (rebalancing, loading, a broker that did not answer): the caller retries. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service Unavailable", detail, List.of());
    }

    /** Well-formed input that the current state of the resource does not allow. */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "Unprocessable Content", message,
                List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
