package dev.warden.cases;

import java.util.Set;

import dev.warden.testsupport.ApiContract;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the API × every role (401 / 403 / through), and bad JSON bodies refused naming the field. */
@QuarkusTest
class ApiContractTest extends ApiContract {

    /** An evidence capture is bounded in bytes (warden.evidence.max-capture-bytes), see OffPlatformEvidenceTest. */
    @Override
    protected Set<String> largeTextFields() {
        return Set.of("captureBase64");
    }
}
