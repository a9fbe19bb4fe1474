package dev.warden.notify.delivery;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A relay limited to 4 mails/s and a dispatcher that gives up after two attempts. */
public class StrictRelayProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("warden.notify.rate-limit.per-second", "4", "warden.notify.rate-limit.burst", "1",
                "warden.notify.max-attempts", "2");
    }
}
