package dev.warden.testsupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.contracts.json.WardenJson;

/**
 * Bad request bodies for every JSON operation, as a caller with an allowed role sends them: malformed
 * JSON, a body of the wrong shape, each field of the request record with a value of the wrong type, and
 * each text field far too long. Each must be a 400 or 422 problem (RFC 9457) naming the field, never a
 * 5xx and never accepted.
 */
public final class BadInput {

    public static final int OVERSIZE = 100_000;
    private static final Set<Integer> REFUSED = Set.of(400, 413, 422);

    private BadInput() {
    }

    /** What is wrong, one line per operation and input; empty when every bad body is refused as it should be. */
    public static List<String> violations(String baseUrl, List<EndpointSecurity.Operation> operations,
            Set<String> largeTextFields) {
        List<String> wrong = new ArrayList<>();
        for (EndpointSecurity.Operation op : operations) {
            if (op.roles().isEmpty()) {
                continue; // EndpointSecurity reports the missing @RolesAllowed
            }
            String token = WardenOidc.token("bad-input", op.roles().get(0));
            for (Parameter p : op.method().getParameters()) {
                jakarta.ws.rs.QueryParam q = p.getAnnotation(jakarta.ws.rs.QueryParam.class);
                // a typed query parameter is converted by JAX-RS, whose default for a failure is 404
                Class<?> type = queryValueType(p);
                if (q != null && type != String.class) {
                    EndpointSecurity.Operation withQuery = op.withQuery(q.value() + "=certainly-not-valid");
                    check(wrong, withQuery, "query parameter " + q.value() + " not a " + type.getSimpleName(),
                            EndpointSecurity.send(baseUrl, withQuery, token, bodyFor(op)), q.value());
                }
            }
            Parameter entity = entity(op);
            if (entity == null || !op.consumes().contains("json")) {
                continue;
            }
            check(wrong, op, "malformed JSON", EndpointSecurity.send(baseUrl, op, token, "{\"unterminated"), "body");
            check(wrong, op, "a JSON array instead of an object", EndpointSecurity.send(baseUrl, op, token, "[1]"), "body");
            if (!entity.getType().isRecord()) {
                continue;
            }
            for (RecordComponent c : entity.getType().getRecordComponents()) {
                String wrongType = wrongType(c.getType());
                if (wrongType != null) {
                    check(wrong, op, c.getName() + " of the wrong type",
                            EndpointSecurity.send(baseUrl, op, token, "{\"" + c.getName() + "\":" + wrongType + "}"), c.getName());
                }
                if (c.getType() == String.class && !largeTextFields.contains(c.getName())) {
                    check(wrong, op, c.getName() + " of " + OVERSIZE + " characters", EndpointSecurity.send(baseUrl, op,
                            token, "{\"" + c.getName() + "\":\"" + "x".repeat(OVERSIZE) + "\"}"), c.getName());
                }
            }
        }
        return wrong;
    }

    /** The type one value of a query parameter converts to: a list's element type; String where unknown. */
    static Class<?> queryValueType(Parameter p) {
        if (!Collection.class.isAssignableFrom(p.getType())) {
            return p.getType();
        }
        return p.getParameterizedType() instanceof ParameterizedType t && t.getActualTypeArguments().length == 1
                && t.getActualTypeArguments()[0] instanceof Class<?> c ? c : String.class;
    }

    /** A well-formed enough body so that only the query parameter is at fault. */
    private static String bodyFor(EndpointSecurity.Operation op) {
        return entity(op) == null ? null : "{}";
    }

    /** The request entity: the parameter without a JAX-RS parameter annotation. */
    static Parameter entity(EndpointSecurity.Operation op) {
        for (Parameter p : op.method().getParameters()) {
            boolean jaxrs = false;
            for (Annotation a : p.getAnnotations()) {
                String pkg = a.annotationType().getPackageName();
                jaxrs |= pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive");
            }
            if (!jaxrs) {
                return p;
            }
        }
        return null;
    }

    /** A JSON value Jackson cannot bind to {@code type}, or null where any value binds (Object, JsonNode). */
    static String wrongType(Class<?> type) {
        if (type == String.class || type.isRecord() || Collection.class.isAssignableFrom(type)) {
            return "{\"not\":\"this\"}";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "\"not a map\"";
        }
        if (type == Object.class || JsonNode.class.isAssignableFrom(type)) {
            return null;
        }
        // numbers, booleans, enums, UUIDs, instants and durations all refuse a word they cannot parse
        return "\"certainly-not-valid\"";
    }

    private static void check(List<String> wrong, EndpointSecurity.Operation op, String input, HttpResponse<String> r,
            String field) {
        String what = op + " with " + input + ": ";
        if (!REFUSED.contains(r.statusCode())) {
            wrong.add(what + "status " + r.statusCode() + ", expected one of " + REFUSED);
            return;
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            wrong.add(what + "not a problem document: " + r.headers().firstValue("Content-Type").orElse("(none)"));
            return;
        }
        JsonNode problem;
        try {
            problem = WardenJson.mapper().readTree(r.body());
        } catch (java.io.IOException e) {
            wrong.add(what + "unreadable problem body: " + e.getMessage());
            return;
        }
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        boolean named = fields.stream().anyMatch(f -> f.equals(field) || f.endsWith("." + field)
                || (field.equals("body") && f.startsWith("body")));
        if (!named) {
            wrong.add(what + "errors name " + fields + ", not " + field);
        }
    }
}
