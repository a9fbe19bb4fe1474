package dev.warden.cases.domain;

import java.util.List;

/**
 * A use case refuses a request: the thing is missing, its state does not allow it, the person may not,
 * the input is wrong, or a dependency is briefly away. Knows nothing of HTTP: the REST edge maps the
 * {@link Kind} to a status, and a Kafka consumer dead-letters the record with the message.
 */
public abstract class DomainException extends RuntimeException {

    /** What went wrong, as far as the caller can act on it. */
    public enum Kind { NOT_FOUND, CONFLICT, NOT_ALLOWED, MALFORMED, UNPROCESSABLE, TOO_LARGE, UNAVAILABLE }

    /** One offending input: where it is ({@code restrictFor}, {@code header.Idempotency-Key}) and what is wrong. */
    public record Field(String name, String message) {
    }

    private final Kind kind;
    private final List<Field> fields;

    protected DomainException(Kind kind, String detail, List<Field> fields) {
        super(detail);
        this.kind = kind;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Kind kind() {
        return kind;
    }

    public List<Field> fields() {
        return fields;
    }

    public static NotFound notFound(String what, Object id) {
        return new NotFound(what + " " + id + " does not exist");
    }

    public static Conflict conflict(String detail) {
        return new Conflict(detail);
    }

    /** Input that is wrong on its face (syntax, range). */
    public static Invalid invalid(String field, String message) {
        return new Invalid(Kind.MALFORMED, field + ": " + message, List.of(new Field(field, message)));
    }

    /** Well-formed input that the current state of things does not allow. */
    public static Invalid unprocessable(String field, String message) {
        return new Invalid(Kind.UNPROCESSABLE, message, List.of(new Field(field, message)));
    }

    public static Invalid tooLarge(String field, String message) {
        return new Invalid(Kind.TOO_LARGE, message, List.of(new Field(field, message)));
    }

    public static Unavailable unavailable(String detail) {
        return new Unavailable(detail);
    }

    /** Several refusals reported together under the kind of the first. */
    public static DomainException of(Kind kind, String detail, List<Field> fields) {
        return switch (kind) {
            case NOT_FOUND -> new NotFound(detail, fields);
            case CONFLICT -> new Conflict(detail, fields);
            case NOT_ALLOWED -> new NotAllowed(detail, fields);
            case MALFORMED, UNPROCESSABLE, TOO_LARGE -> new Invalid(kind, detail, fields);
            case UNAVAILABLE -> new Unavailable(detail);
        };
    }

    public static class NotFound extends DomainException {
        NotFound(String detail) {
            this(detail, List.of());
        }

        NotFound(String detail, List<Field> fields) {
            super(Kind.NOT_FOUND, detail, fields);
        }
    }

    public static class Conflict extends DomainException {
        Conflict(String detail) {
            this(detail, List.of());
        }

        protected Conflict(String detail, List<Field> fields) {
            super(Kind.CONFLICT, detail, fields);
        }
    }

    /** Separation of duties or role: the person may not, whatever the state; the message gives the rule. */
    public static class NotAllowed extends DomainException {
        protected NotAllowed(String reason, List<Field> fields) {
            super(Kind.NOT_ALLOWED, reason, fields);
        }
    }

    public static class Invalid extends DomainException {
        protected Invalid(Kind kind, String detail, List<Field> fields) {
            super(kind, detail, fields);
        }
    }

    public static class Unavailable extends DomainException {
        Unavailable(String detail) {
            super(Kind.UNAVAILABLE, detail, List.of());
        }
    }
}
