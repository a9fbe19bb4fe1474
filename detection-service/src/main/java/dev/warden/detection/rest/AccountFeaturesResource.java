package dev.warden.detection.rest;

import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.warden.common.problem.ProblemException;
import dev.warden.common.rest.PathIds;
import dev.warden.common.security.Roles;
import dev.warden.detection.account.AccountStateQuery;
import dev.warden.detection.account.AccountStateSerde;

@Path("/api/accounts/{accountId}/features")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class AccountFeaturesResource {

    /** A malformed account id names no account: 404, like an unknown one. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9:._-]{1,128}");

    @Inject
    AccountStateQuery query;

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.ADMIN})
    @Operation(summary = "Live detection features of one account (interactive query of the state store)")
    @APIResponse(responseCode = "200", description = "profile, windowed features and stored size of the account")
    @APIResponse(responseCode = "404", description = "no activity seen for this account, or a malformed account id")
    public AccountFeaturesView features(@PathParam("accountId") String accountId) {
        return query.find(PathIds.matching("account", accountId, ACCOUNT_ID))
                .map(s -> AccountFeaturesView.of(accountId, s, AccountStateSerde.write(s).length))
                .orElseThrow(() -> ProblemException.notFound("account", accountId));
    }
}
