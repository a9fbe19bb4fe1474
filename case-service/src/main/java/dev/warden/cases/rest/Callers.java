package dev.warden.cases.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.warden.cases.casework.Actor;
import dev.warden.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the current request as the domain's rules see it: name, senior-reviewer or not, client. */
@RequestScoped
public class Callers {

    @Inject
    SecurityIdentity identity;

    public Actor current() {
        String client = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            Object clientId = azp != null ? azp : jwt.getClaim("client_id");
            client = clientId == null ? null : clientId.toString();
        }
        return new Actor(identity.getPrincipal().getName(), identity.hasRole(Roles.SENIOR_REVIEWER), client);
    }
}
