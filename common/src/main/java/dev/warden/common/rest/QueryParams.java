package dev.warden.common.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import dev.warden.common.problem.ProblemException;

/** Query parameters read as text and parsed here, so a wrong type is a 400 naming the parameter (not a 404). */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "unknown value '" + value + "'; one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static int intParam(String field, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw ProblemException.invalid(field, "must be within " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be an integer within " + min + ".." + max);
        }
    }

    /** {@code value} may be absent (null); present, it must be a UUID. */
    public static UUID uuid(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }

    /** Absent or empty (a bare {@code ?all}) is null; otherwise true or false in any case, as JAX-RS reads them. */
    public static Boolean bool(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw ProblemException.invalid(field, "must be true or false");
        }
        return Boolean.valueOf(value);
    }

    public static Double score(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (d < 0 || d > 1) {
                throw ProblemException.invalid(field, "must be within 0..1");
            }
            return d;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a number within 0..1");
        }
    }

    public static Duration duration(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 duration such as PT2H");
        }
    }

    public static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an RFC 3339 timestamp such as 2026-01-31T12:00:00Z");
        }
    }
}
