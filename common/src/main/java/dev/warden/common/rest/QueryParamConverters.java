package dev.warden.common.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import dev.warden.common.problem.ProblemException;

/**
 * Typed {@code @QueryParam}s, converted strictly: a value that does not parse is a 400 problem naming the
 * parameter. JAX-RS answers a failed conversion with 404, except when the converter throws a
 * WebApplicationException, which is passed on as it is; so this one throws a 400 carrying the field's
 * {@link ProblemException}. Ranges are Bean Validation constraints on the parameter. Other parameters
 * (path, header) keep the JAX-RS conversion.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String field = queryParamName(annotations);
        // a list is asked for twice with the same arguments (for the list, for each value): QueryParamProblems names it
        if (field == null || !converts(rawType)) {
            return null;
        }
        Class<?> type = rawType;
        return new ParamConverter() {
            @Override
            public Object fromString(String value) {
                try {
                    return convert(type, field, value);
                } catch (ProblemException e) {
                    throw new WebApplicationException(e, 400);
                }
            }

            @Override
            public String toString(Object value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /**
     * The query parameter of the matched resource method that does not convert, or null. Quarkus REST
     * converts the values of a list with its own converters, without asking this provider, and answers a
     * failure with a bare 404.
     */
    public static ProblemException invalidQueryParam(Method method, MultivaluedMap<String, String> query) {
        if (method == null) {
            return null;
        }
        for (java.lang.reflect.Parameter p : method.getParameters()) {
            String field = queryParamName(p.getAnnotations());
            Class<?> type = elementType(p.getType(), p.getParameterizedType());
            if (field == null || type == null || !converts(type)) {
                continue;
            }
            for (String value : query.getOrDefault(field, List.of())) {
                try {
                    convert(type, field, value);
                } catch (ProblemException e) {
                    return e;
                }
            }
        }
        return null;
    }

    /** {@code value} null is an absent parameter; an empty Boolean is a bare flag ({@code ?all}) and reads as absent. */
    static Object convert(Class<?> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(value);
            }
            if (type == Long.class || type == long.class) {
                return Long.valueOf(value);
            }
            if (type == Double.class || type == double.class) {
                double d = Double.parseDouble(value);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException(value);
                }
                return d;
            }
            if (type == Boolean.class || type == boolean.class) {
                return bool(field, value);
            }
            if (type == UUID.class) {
                return UUID.fromString(value);
            }
            if (type == Duration.class) {
                return Duration.parse(value);
            }
            if (type == Instant.class) {
                return Instant.parse(value);
            }
            return enumValue(type, field, value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, type == Double.class || type == double.class
                    ? "must be a number" : "must be an integer");
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, type == Instant.class
                    ? "must be an RFC 3339 timestamp such as 2026-01-31T12:00:00Z"
                    : "must be an ISO-8601 duration such as PT2H");
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }

    private static Boolean bool(String field, String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw ProblemException.invalid(field, "must be true or false");
        }
        return Boolean.valueOf(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String field, String value) {
        try {
            return Enum.valueOf((Class<Enum>) type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "unknown value '" + value + "'; one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static boolean converts(Class<?> type) {
        return type.isEnum() || List.of(Integer.class, int.class, Long.class, long.class, Double.class, double.class,
                Boolean.class, boolean.class, UUID.class, Duration.class, Instant.class).contains(type);
    }

    private static String queryParamName(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
        }
        return null;
    }

    /** The type one value converts to: a list's element type. */
    private static Class<?> elementType(Class<?> rawType, Type genericType) {
        if (!Collection.class.isAssignableFrom(rawType)) {
            return rawType;
        }
        if (genericType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
