package dev.warden.cases.outbox;

import java.util.Map;

import dev.warden.testsupport.ReservedPort;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The enforcement channel publishes to a private broker (started by the test) behind a proxy the test can
 * slow down; transactions
 * time out after 5 s, so one held open across the broker's acknowledgements would fail the test.
 */
public class SlowBrokerProfile implements QuarkusTestProfile {

    /** The proxy's port, reserved before the test starts the broker behind it (see ReservedPort). */
    static int port() {
        return ReservedPort.of("slow-broker");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.outgoing.enforcement.bootstrap.servers", "127.0.0.1:" + port(),
                "quarkus.transaction-manager.default-transaction-timeout", "5s");
    }
}
