package dev.warden.common.security;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Security settings shared by the three services. */
@ConfigMapping(prefix = "warden.security")
public interface SecurityConfig {

    /**
     * The explicit local exception: the production profile starts despite local defaults (plaintext
     * Kafka on loopback, http OIDC, local passwords), with a warning. Only the local platform and the
     * tests set it; a deployment never does.
     */
    @WithDefault("false")
    boolean allowLocalDefaults();

    /**
     * OIDC clients ({@code azp} claim) whose tokens this service accepts; a validly signed token issued
     * to any other client of the realm is refused with 401.
     */
    @WithDefault("warden-cli")
    Set<String> allowedClients();
}
