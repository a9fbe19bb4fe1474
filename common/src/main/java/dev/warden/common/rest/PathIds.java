package dev.warden.common.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import dev.warden.common.problem.ProblemException;

/**
 * Ids in a request path, the same in every Warden API: a malformed id names no resource, so it is a 404
 * problem like an unknown one (JAX-RS answers a UUID path parameter that does not convert the same way).
 * Malformed query parameters and bodies stay 400s naming the field.
 */
public final class PathIds {

    private PathIds() {
    }

    public static UUID uuid(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what, value);
        }
    }

    public static String matching(String what, String value, Pattern format) {
        if (value == null || !format.matcher(value).matches()) {
            throw ProblemException.notFound(what, value);
        }
        return value;
    }
}
