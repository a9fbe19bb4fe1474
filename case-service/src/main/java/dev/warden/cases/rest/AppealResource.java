package dev.warden.cases.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warden.cases.appeal.AppealRequests;
import dev.warden.cases.appeal.AppealService;
import dev.warden.cases.appeal.AppealStatus;
import dev.warden.cases.appeal.AppealView;
import dev.warden.cases.rest.IfMatch;
import dev.warden.common.rest.Idempotency;
import dev.warden.cases.idempotency.IdempotencyKeys;
import dev.warden.common.security.Roles;
import dev.warden.cases.usecase.DecideAppeal;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/appeals")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@Tag(name = "appeals")
public class AppealResource {

    @Inject
    AppealService appeals;

    @Inject
    SecurityIdentity identity;

    @Inject
    DecideAppeal decideAppeal;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "File an account holder's appeal against a decision (one per decision, within 30 days)")
    @APIResponse(responseCode = "201", description = "filed; APPEAL_RECEIVED is announced")
    @APIResponse(responseCode = "200", description = "a retry with the same Idempotency-Key: the first response")
    @APIResponse(responseCode = "409", description = "the decision was already appealed")
    @APIResponse(responseCode = "422", description = "the decision cannot be appealed, or the window has closed")
    public Response file(
            @Parameter(in = ParameterIn.HEADER, description = "makes the platform's retries safe")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid AppealRequests.File request) {
        IdempotencyKeys.Result<AppealView> r = appeals.file(request, identity.getPrincipal().getName(), idempotencyKey);
        AppealView a = r.body();
        Response.ResponseBuilder b = r.replayed() ? Response.ok(a).header(Idempotency.REPLAYED, "true")
                : Response.created(URI.create("/api/appeals/" + a.id())).entity(a);
        return b.header("ETag", IfMatch.etag(a.version())).build();
    }

    @GET
    @RolesAllowed(Roles.SENIOR_REVIEWER)
    @Operation(summary = "The appeals queue, oldest first")
    public List<AppealView> queue(@QueryParam("status") @DefaultValue("RECEIVED") AppealStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) Integer page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) Integer size) {
        return appeals.queue(status, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SENIOR_REVIEWER, Roles.PLATFORM})
    @Operation(summary = "One appeal and its state")
    public Response get(@PathParam("id") UUID id) {
        AppealView a = appeals.get(id);
        return Response.ok(a).header("ETag", IfMatch.etag(a.version())).build();
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SENIOR_REVIEWER)
    @Operation(summary = "Decide an appeal: UPHELD reinstates and clears the strike, REJECTED lets the decision stand")
    @APIResponse(responseCode = "403", description = "the caller made the decision under appeal")
    @APIResponse(responseCode = "409", description = "already decided, or a stale If-Match version")
    public Response decide(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid AppealRequests.Verdict verdict) {
        AppealView a = decideAppeal.decide(id, verdict, identity.getPrincipal().getName(), IfMatch.version(ifMatch));
        return Response.ok(a).header("ETag", IfMatch.etag(a.version())).build();
    }
}
