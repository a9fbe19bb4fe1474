package dev.warden.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points quarkus-oidc at the JVM's OIDC provider; mint tokens with {@link WardenOidc#token}. */
public class OidcResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return WardenOidc.quarkusConfig();
    }

    @Override
    public void stop() {
        // the provider lives for the whole JVM (see WardenOidc)
    }
}
