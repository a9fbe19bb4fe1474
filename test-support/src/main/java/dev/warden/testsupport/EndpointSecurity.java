package dev.warden.testsupport;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;

/**
 * Every REST operation of a service against every Warden role: read from the compiled resource classes
 * (their {@code @Path} and {@code @RolesAllowed}), then called over HTTP without a token (must be 401),
 * with each role it does not allow (403) and with each role it allows (neither 401 nor 403, nor a 5xx other than 503).
 */
public final class EndpointSecurity {

    /** Keycloak realm roles, as in common's Roles and deploy/keycloak/warden-realm.json. */
    public static final List<String> ROLES = List.of("reviewer", "senior-reviewer", "legal", "admin", "platform");
    private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)(?:\\s*:[^}]*)?}");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One resource method: HTTP method, path template, roles allowed, and the Java method for its parameters. */
    public record Operation(String httpMethod, String path, List<String> roles, String consumes, Method method) {

        /** The same operation with a query string appended to its path. */
        public Operation withQuery(String query) {
            return new Operation(httpMethod, path + "?" + query, roles, consumes, method);
        }

        @Override
        public String toString() {
            return httpMethod + " " + path + " " + roles;
        }
    }

    private EndpointSecurity() {
    }

    /** The resource methods under {@code /api} of the classes compiled into {@code classesDir}. */
    public static List<Operation> operations(Path classesDir) throws IOException {
        List<Operation> ops = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classesDir.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null || !root.value().startsWith("/api")) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String verb = verb(m);
                    if (verb == null || m.isAnnotationPresent(PermitAll.class)) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = root.value() + (sub == null ? "" : "/" + sub.value()).replaceAll("//+", "/");
                    RolesAllowed allowed = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class)
                            : type.getAnnotation(RolesAllowed.class);
                    List<String> roles = allowed == null ? List.of() : List.of(allowed.value());
                    Consumes consumes = m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class)
                            : type.getAnnotation(Consumes.class);
                    ops.add(new Operation(verb, path.replaceAll("/$", ""), roles,
                            consumes == null ? "application/json" : consumes.value()[0], m));
                }
            }
        }
        return ops;
    }

    /** What is wrong, one line per operation and caller; empty when every operation answers as it should. */
    public static List<String> violations(String baseUrl, List<Operation> operations) {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            if (op.roles().isEmpty()) {
                wrong.add(op + ": no @RolesAllowed");
                continue;
            }
            expect(wrong, op, "no token", call(baseUrl, op, null), Set.of(401));
            for (String role : ROLES) {
                int status = call(baseUrl, op, WardenOidc.token("matrix-" + role, role));
                if (op.roles().contains(role)) {
                    // 503 is a service saying it is not ready yet (detection's state stores while Kafka Streams starts)
                    if (status == 401 || status == 403 || (status >= 500 && status != 503)) {
                        wrong.add(op + ": allowed role " + role + " got " + status);
                    }
                } else {
                    expect(wrong, op, "role " + role, status, Set.of(403));
                }
            }
            expect(wrong, op, "a token without a Warden role", call(baseUrl, op, WardenOidc.token("matrix-nobody")),
                    Set.of(403));
        }
        return wrong;
    }

    private static void expect(List<String> wrong, Operation op, String caller, int status, Set<Integer> expected) {
        if (!expected.contains(status)) {
            wrong.add(op + ": " + caller + " got " + status + ", expected " + expected);
        }
    }

    private static int call(String baseUrl, Operation op, String token) {
        boolean body = op.httpMethod().equals("POST") || op.httpMethod().equals("PUT") || op.httpMethod().equals("PATCH");
        return send(baseUrl, op, token, body ? (op.consumes().contains("json") ? "{}" : "x") : null).statusCode();
    }

    /** Calls the operation at a concrete path; {@code body} null sends none. */
    static HttpResponse<String> send(String baseUrl, Operation op, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/$", "") + concrete(op)))
                .timeout(java.time.Duration.ofSeconds(30));
        if (body != null) {
            b.header("Content-Type", op.consumes());
            b.method(op.httpMethod(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(op.httpMethod(), HttpRequest.BodyPublishers.noBody());
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(op + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path with a well-formed value for each template parameter (a UUID where the method takes one). */
    static String concrete(Operation op) {
        Matcher m = TEMPLATE.matcher(op.path());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, sample(op.method(), m.group(1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String sample(Method method, String name) {
        Class<?> type = Arrays.stream(method.getParameters())
                .filter(p -> p.isAnnotationPresent(PathParam.class) && p.getAnnotation(PathParam.class).value().equals(name))
                .map(Parameter::getType).findFirst().orElse(String.class);
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "1";
        }
        return "matrix-" + name;
    }

    private static String verb(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (m.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return m.isAnnotationPresent(PATCH.class) ? "PATCH" : null;
    }
}
