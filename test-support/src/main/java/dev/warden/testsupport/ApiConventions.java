package dev.warden.testsupport;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Conventions every Warden API keeps: a malformed id in a path is a 404 problem (it names no resource,
 * like an unknown id), and the header telling a replayed idempotent answer is {@value #REPLAYED}.
 */
public final class ApiConventions {

    public static final String REPLAYED = "Idempotency-Replayed";
    /** Not an id of any kind Warden uses: a space and a bang (sent percent-encoded). */
    static final String MALFORMED_ID = "not%20an%20id%21";
    private static final Pattern ID_TEMPLATE = Pattern.compile("\\{(id|\\w+Id)(?:\\s*:[^}]*)?}");
    private static final Pattern REPLAY_HEADER = Pattern.compile("[A-Za-z]+-Replayed");

    private ApiConventions() {
    }

    /**
     * Every operation without a request body whose path holds an id, called by an allowed role with a
     * malformed id: what answered other than a 404 problem. (With a body, the body's own checks may speak first.)
     */
    public static List<String> malformedIdViolations(String baseUrl, List<EndpointSecurity.Operation> operations) {
        List<String> wrong = new ArrayList<>();
        for (EndpointSecurity.Operation op : operations) {
            Matcher m = ID_TEMPLATE.matcher(op.path());
            if (op.roles().isEmpty() || !m.find() || hasEntity(op)) {
                continue;
            }
            EndpointSecurity.Operation malformed = new EndpointSecurity.Operation(op.httpMethod(),
                    op.path().substring(0, m.start()) + MALFORMED_ID + op.path().substring(m.end()), op.roles(),
                    op.consumes(), op.method());
            HttpResponse<String> r = EndpointSecurity.send(baseUrl, malformed, WardenOidc.token("ids", op.roles().get(0)),
                    null);
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() != 404 || !type.startsWith("application/problem+json")) {
                wrong.add(op + " with id '" + MALFORMED_ID + "': " + r.statusCode() + " " + type);
            }
        }
        return wrong;
    }

    /** Every replay header name a compiled class of the service mentions that is not {@value #REPLAYED}. */
    public static List<String> otherReplayHeaders(Path classesDir) throws IOException {
        TreeSet<String> other = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                Matcher m = REPLAY_HEADER.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    if (!REPLAYED.equals(m.group())) {
                        other.add(m.group() + " in " + classesDir.relativize(f));
                    }
                }
            }
        }
        return List.copyOf(other);
    }

    /** A parameter with no JAX-RS annotation (Bean Validation ones aside) is the request body. */
    private static boolean hasEntity(EndpointSecurity.Operation op) {
        return Stream.of(op.method().getParameters()).anyMatch(p -> Stream.of(p.getAnnotations())
                .map(a -> a.annotationType().getName())
                .noneMatch(n -> n.startsWith("jakarta.ws.rs.") || n.startsWith("org.jboss.resteasy.")));
    }
}
