package dev.warden.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every operation of a service's API must do, whatever it is for: answer each role as its
 * {@code @RolesAllowed} says ({@link EndpointSecurity}), refuse bad JSON bodies with a problem that
 * names the field ({@link BadInput}), and keep the shared conventions ({@link ApiConventions}): a malformed
 * id in a path is a 404 problem, a replayed idempotent answer says so in {@code Idempotency-Replayed}.
 * A service's test extends this and carries {@code @QuarkusTest}.
 */
public abstract class ApiContract {

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationAnswersEachRoleAsItsRolesAllowedSays() throws IOException {
        List<EndpointSecurity.Operation> operations = operations();
        assertEquals(List.of(), EndpointSecurity.violations(base.toString(), operations),
                operations.size() + " operations checked");
    }

    @Test
    void everyJsonBodyRefusesBadInputNamingTheField() throws IOException {
        List<EndpointSecurity.Operation> operations = operations();
        assertEquals(List.of(), BadInput.violations(base.toString(), operations, largeTextFields()),
                operations.size() + " operations checked");
    }

    @Test
    void aMalformedIdInAPathIsA404Problem() throws IOException {
        List<EndpointSecurity.Operation> operations = operations();
        assertEquals(List.of(), ApiConventions.malformedIdViolations(base.toString(), operations),
                operations.size() + " operations checked");
    }

    @Test
    void aReplayedAnswerIsMarkedWithIdempotencyReplayedOnly() throws IOException {
        assertEquals(List.of(), ApiConventions.otherReplayHeaders(Path.of("target", "classes")));
    }

    /**
     * Text fields that may rightly be longer than {@value BadInput#OVERSIZE} characters (a base64 upload
     * bounded in bytes by the service); a service names them with the reason, and tests their limit itself.
     */
    protected Set<String> largeTextFields() {
        return Set.of();
    }

    private static List<EndpointSecurity.Operation> operations() throws IOException {
        List<EndpointSecurity.Operation> operations = EndpointSecurity.operations(Path.of("target", "classes"));
        assertFalse(operations.isEmpty(), "no resource methods found under target/classes");
        operations.forEach(o -> System.out.println("[api-contract] " + o));
        return operations;
    }
}
