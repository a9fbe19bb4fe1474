package dev.warden.cases.rest;

import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.warden.cases.account.Account;
import dev.warden.cases.idempotency.IdempotencyKeys;
import dev.warden.cases.readmodel.AccountQueries;
import dev.warden.cases.readmodel.AccountView;
import dev.warden.cases.usecase.EraseAccount;
import dev.warden.common.rest.Idempotency;
import dev.warden.common.problem.ProblemException;
import dev.warden.common.rest.PathIds;
import dev.warden.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

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

    @Inject
    EraseAccount eraseAccount;

    @Inject
    SecurityIdentity identity;

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

    @POST
    @Path("/{accountId}/erasure")
    @RolesAllowed({Roles.PLATFORM, Roles.ADMIN})
    @Operation(summary = "Erase an account's personal data here and, through warden.erasures.v1, in every service")
    @APIResponse(responseCode = "202", description = "erased here; the other services follow from the event")
    @APIResponse(responseCode = "404", description = "no such account")
    @APIResponse(responseCode = "409", description = "a legal hold (named) or an open legal escalation keeps the data")
    public Response erase(@PathParam("accountId") String accountId,
            @Parameter(in = ParameterIn.HEADER, description = "makes retries safe")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        IdempotencyKeys.Result<EraseAccount.ErasureView> r = eraseAccount.erase(
                PathIds.matching("account", accountId, ACCOUNT_ID), identity.getPrincipal().getName(), idempotencyKey);
        return Response.accepted(r.body()).header(Idempotency.REPLAYED, Boolean.toString(r.replayed())).build();
    }
}
