package dev.warden.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Every operation of a service's API × every role, as {@link EndpointSecurity} checks it. A service's
 * test extends this and carries {@code @QuarkusTest}.
 */
public abstract class EndpointSecurityContract {

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationAnswersEachRoleAsItsRolesAllowedSays() throws Exception {
        List<EndpointSecurity.Operation> operations = EndpointSecurity.operations(Path.of("target", "classes"));
        operations.forEach(o -> System.out.println("[endpoint-security] " + o));

        assertFalse(operations.isEmpty(), "no resource methods found under target/classes");
        List<String> violations = EndpointSecurity.violations(base.toString(), operations);
        assertEquals(List.of(), violations, operations.size() + " operations checked");
    }
}
