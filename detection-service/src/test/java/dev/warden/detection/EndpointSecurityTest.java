package dev.warden.detection;

import dev.warden.testsupport.EndpointSecurityContract;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the API × every role: 401 without a token, 403 for each role it does not allow, through for the others. */
@QuarkusTest
class EndpointSecurityTest extends EndpointSecurityContract {
}
