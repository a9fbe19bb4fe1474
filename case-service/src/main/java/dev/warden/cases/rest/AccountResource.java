package dev.warden.cases.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
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
import dev.warden.common.security.Roles;

@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class AccountResource {

    /** What the platform needs to enforce: the status and, for restrictions, until when. */
    public record AccountStatusView(String accountId, String status, Instant restrictedUntil) {
    }

    @Inject
    AccountQueries accounts;

    @GET
    @Path("/{accountId}")
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.ADMIN})
    @Operation(summary = "An account: enforcement status, strike history (cleared strikes included) and all its cases")
    public AccountView account(@PathParam("accountId") @Pattern(regexp = "[A-Za-z0-9:._-]{1,128}",
            message = "must be 1-128 characters of [A-Za-z0-9:._-]") String accountId) {
        return accounts.view(accountId);
    }

    @GET
    @Path("/{accountId}/status")
    @RolesAllowed({Roles.PLATFORM, Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "An account's enforcement status")
    public AccountStatusView status(@PathParam("accountId") @Pattern(regexp = "[A-Za-z0-9:._-]{1,128}",
            message = "must be 1-128 characters of [A-Za-z0-9:._-]") String accountId) {
        Account a = Account.<Account>findByIdOptional(accountId)
                .orElseThrow(() -> ProblemException.notFound("account", accountId));
        return new AccountStatusView(a.id, a.status.name(), a.restrictedUntil);
    }
}
