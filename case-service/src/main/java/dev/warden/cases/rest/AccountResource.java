package dev.warden.cases.rest;

import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.warden.cases.account.Account;
import dev.warden.cases.readmodel.AccountQueries;
import dev.warden.cases.readmodel.AccountView;
import dev.warden.common.problem.ProblemException;
import dev.warden.common.rest.PathIds;
import dev.warden.common.security.Roles;

@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class AccountResource {

    /** What the platform needs to enforce: the status and, for restrictions, until when. */
    public record AccountStatusView(String accountId, String status, Instant restrictedUntil) {
    }

    /** A malformed account id names no account: 404, like an unknown one. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9:._-]{1,128}");

    @Inject
    AccountQueries accounts;

    @GET
    @Path("/{accountId}")
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.ADMIN})
    @Operation(summary = "An account: enforcement status, strike history (cleared strikes included) and all its cases")
    public AccountView account(@PathParam("accountId") String accountId) {
        return accounts.view(PathIds.matching("account", accountId, ACCOUNT_ID));
    }

    @GET
    @Path("/{accountId}/status")
    @RolesAllowed({Roles.PLATFORM, Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "An account's enforcement status")
    public AccountStatusView status(@PathParam("accountId") String accountId) {
        Account a = Account.<Account>findByIdOptional(PathIds.matching("account", accountId, ACCOUNT_ID))
                .orElseThrow(() -> ProblemException.notFound("account", accountId));
        return new AccountStatusView(a.id, a.status.name(), a.restrictedUntil);
    }
}
