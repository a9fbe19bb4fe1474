package dev.warden.testsupport;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;

/**
 * One OIDC provider per JVM (quarkus-test-oidc-server: WireMock serving discovery and JWKS) and a
 * minter of real RS256-signed access tokens that quarkus-oidc validates like Keycloak's.
 */
public final class WardenOidc {

    /** Issuer the provider advertises and tokens carry. */
    public static final String ISSUER = "https://server.example.com";
    /** Audience Warden's services require (quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "warden-api";
    /** The realm's client for people (reviewers' tokens): {@code azp} of the tokens minted here. */
    public static final String CLI_CLIENT = "warden-cli";

    private static OidcWiremockTestResource provider;
    private static String authServerUrl;

    private WardenOidc() {
    }

    public static synchronized String authServerUrl() {
        if (provider == null) {
            provider = new OidcWiremockTestResource();
            Map<String, String> config = provider.start();
            authServerUrl = config.get("keycloak.url") + "/realms/quarkus";
            Runtime.getRuntime().addShutdownHook(new Thread(provider::stop, "warden-oidc-stop"));
        }
        return authServerUrl;
    }

    public static Map<String, String> quarkusConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.auth-server-url", authServerUrl());
        config.put("quarkus.oidc.token.issuer", ISSUER);
        config.put("quarkus.oidc.token.audience", AUDIENCE);
        return config;
    }

    /** A token for {@code user} holding the given realm roles. */
    public static String token(String user, String... roles) {
        return tokenWithAudience(user, AUDIENCE, roles);
    }

    /** A token for a user named after the role, holding only that role. */
    public static String tokenFor(String role) {
        return token(role + "-user", role);
    }

    public static String tokenWithAudience(String user, String audience, String... roles) {
        return token(ISSUER, audience, CLI_CLIENT, user, roles);
    }

    /** A token issued to the OIDC client {@code clientId} ({@code azp}), e.g. a machine client. */
    public static String tokenFromClient(String clientId, String user, String... roles) {
        return token(ISSUER, AUDIENCE, clientId, user, roles);
    }

    /** A token signed with the provider's key but naming another issuer (another realm). */
    public static String tokenFromIssuer(String issuer, String user, String... roles) {
        return token(issuer, AUDIENCE, CLI_CLIENT, user, roles);
    }

    private static String token(String issuer, String audience, String clientId, String user, String... roles) {
        return Jwt.preferredUserName(user)
                .subject(user)
                .groups(new HashSet<>(Arrays.asList(roles)))
                .issuer(issuer)
                .audience(audience)
                .claim("azp", clientId)
                .expiresIn(Duration.ofHours(1))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }
}
