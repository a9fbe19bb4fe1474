package dev.warden.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the browser needs to know to sign in and to call the APIs; served as {@code /config.json}, so one
 * build of the console runs against any deployment. The defaults are the local platform's.
 */
@ConfigMapping(prefix = "warden.console")
public interface ConsoleConfig {

    /** Keycloak's base URL as the browser reaches it (no trailing slash). */
    @WithDefault("http://127.0.0.1:18180")
    String keycloakUrl();

    @WithDefault("warden")
    String realm();

    /** The public OIDC client the console signs in with (authorization code + PKCE). */
    @WithDefault("warden-console")
    String clientId();

    /** case-service's API as the browser reaches it (no trailing slash). */
    @WithDefault("http://127.0.0.1:8082")
    String casesApi();

    /** detection-service's API as the browser reaches it (no trailing slash): the admin's rules screen. */
    @WithDefault("http://127.0.0.1:8081")
    String detectionApi();
}
