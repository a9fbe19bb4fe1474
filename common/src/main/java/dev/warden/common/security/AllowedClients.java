package dev.warden.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

import io.quarkus.arc.Unremovable;

/**
 * Accepts a bearer token only if it was issued to one of this service's allowed OIDC clients (its
 * {@code azp} claim, see {@link SecurityConfig#allowedClients()}): a token another client of the realm
 * obtained, e.g. a service account's, is refused with 401 even though it is validly signed.
 */
@ApplicationScoped
@Unremovable
public class AllowedClients implements Validator {

    private final SecurityConfig config;

    AllowedClients(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        String azp = context.getJwtClaims().getClaimValue("azp", String.class);
        if (azp == null || !config.allowedClients().contains(azp)) {
            return "token issued to client '" + azp + "', which this service does not accept";
        }
        return null;
    }
}
