package dev.warden.testsupport.arch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;

/**
 * Finds code that can make a network call while a database transaction is open: a path of calls from a
 * transactional method (or one that runs a {@code QuarkusTransaction}) to Kafka, SMTP or HTTP client code.
 * The rule of the house is claim in one short transaction, send outside any, record in another.
 *
 * <p>Static and conservative where it can be: calls through an interface follow every implementation in
 * the imported classes, a lambda's calls count as its declaring method's (ArchUnit's model), and a method that suspends
 * the transaction ({@code NOT_SUPPORTED}, {@code NEVER}) ends the path. Calls through CDI events or
 * reflection are not followed; the write path has none.
 */
public final class NetworkInTransaction {

    /** Types whose methods leave the process. */
    static final List<String> NETWORK_TYPES = List.of(
            "org.apache.kafka.clients.producer.Producer",
            "org.apache.kafka.clients.consumer.Consumer",
            "org.apache.kafka.clients.admin.Admin",
            "org.eclipse.microprofile.reactive.messaging.Emitter",
            "io.smallrye.reactive.messaging.MutinyEmitter",
            "io.quarkus.mailer.Mailer",
            "io.quarkus.mailer.reactive.ReactiveMailer",
            "jakarta.mail.Transport",
            "java.net.http.HttpClient",
            "java.net.Socket",
            "java.net.URLConnection",
            "jakarta.ws.rs.client.SyncInvoker",
            "jakarta.ws.rs.client.AsyncInvoker");

    private static final String TRANSACTIONAL = "jakarta.transaction.Transactional";
    private static final String REST_CLIENT = "org.eclipse.microprofile.rest.client.inject.RegisterRestClient";
    private static final String QUARKUS_TRANSACTION_PACKAGE = "io.quarkus.narayana.jta";

    private NetworkInTransaction() {
    }

    /** One line per offending path, e.g. {@code A.save() -> B.publish() -> Emitter.send(..)}; empty when none. */
    public static List<String> violations(JavaClasses classes) {
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            for (JavaMethod m : c.getMethods()) {
                if (opensOrJoins(m) || runsQuarkusTransaction(m)) {
                    search(m, found);
                }
            }
        }
        return found;
    }

    /** The transactional entry points found (to prove the rule sees something). */
    public static long transactionalEntryPoints(JavaClasses classes) {
        return classes.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> opensOrJoins(m) || runsQuarkusTransaction(m)).count();
    }

    private static void search(JavaCodeUnit root, List<String> found) {
        Map<JavaCodeUnit, JavaCodeUnit> parent = new HashMap<>();
        Set<JavaCodeUnit> seen = new LinkedHashSet<>();
        Deque<JavaCodeUnit> todo = new ArrayDeque<>();
        todo.add(root);
        seen.add(root);
        while (!todo.isEmpty()) {
            JavaCodeUnit at = todo.poll();
            for (JavaMethodCall call : at.getMethodCallsFromSelf()) {
                JavaClass owner = call.getTargetOwner();
                if (isNetwork(owner)) {
                    found.add(path(parent, at) + " -> " + owner.getSimpleName() + "." + call.getName() + "(..)");
                    continue;
                }
                for (JavaCodeUnit next : targets(call)) {
                    if (!suspends(next) && seen.add(next)) {
                        parent.put(next, at);
                        todo.add(next);
                    }
                }
            }
        }
    }

    private static List<JavaCodeUnit> targets(JavaMethodCall call) {
        List<JavaCodeUnit> out = new ArrayList<>();
        Optional<JavaMethod> resolved = call.getTarget().resolveMember();
        if (resolved.isEmpty()) {
            return out;
        }
        JavaMethod m = resolved.get();
        if (!m.getOwner().getPackageName().startsWith("dev.warden")) {
            return out;
        }
        out.add(m);
        for (JavaClass sub : m.getOwner().getAllSubclasses()) {
            sub.tryGetMethod(m.getName(), m.getRawParameterTypes().stream().map(JavaClass::getName)
                    .toArray(String[]::new)).ifPresent(out::add);
        }
        return out;
    }

    private static boolean isNetwork(JavaClass owner) {
        if (owner.isAnnotatedWith(REST_CLIENT)) {
            return true;
        }
        return NETWORK_TYPES.stream().anyMatch(owner::isAssignableTo);
    }

    private static boolean opensOrJoins(JavaMethod m) {
        String type = txType(m);
        return type != null && !type.equals("NOT_SUPPORTED") && !type.equals("NEVER") && !type.equals("SUPPORTS");
    }

    private static boolean suspends(JavaCodeUnit m) {
        String type = txType(m);
        return "NOT_SUPPORTED".equals(type) || "NEVER".equals(type);
    }

    /** The effective {@code @Transactional} type of a method, or null when it has none. */
    private static String txType(JavaCodeUnit m) {
        var own = m.tryGetAnnotationOfType(TRANSACTIONAL);
        var annotation = own.isPresent() ? own : m.getOwner().tryGetAnnotationOfType(TRANSACTIONAL);
        return annotation.map(a -> a.get("value").map(v -> ((com.tngtech.archunit.core.domain.JavaEnumConstant) v)
                .name()).orElse("REQUIRED")).orElse(null);
    }

    /**
     * Whether {@code m} runs a {@code QuarkusTransaction}. ArchUnit attributes a lambda's calls to the
     * method that declares it, so such a method counts as transactional as a whole: keep its sends in
     * another method (claim and record in a store, send in the relay).
     */
    private static boolean runsQuarkusTransaction(JavaCodeUnit m) {
        return m.getMethodCallsFromSelf().stream()
                .anyMatch(c -> c.getTargetOwner().getPackageName().equals(QUARKUS_TRANSACTION_PACKAGE)
                        && (c.getName().equals("run") || c.getName().equals("call")));
    }

    private static String path(Map<JavaCodeUnit, JavaCodeUnit> parent, JavaCodeUnit at) {
        Deque<String> names = new ArrayDeque<>();
        for (JavaCodeUnit u = at; u != null; u = parent.get(u)) {
            names.addFirst(u.getOwner().getSimpleName() + "." + u.getName() + "()");
        }
        return String.join(" -> ", names);
    }
}
