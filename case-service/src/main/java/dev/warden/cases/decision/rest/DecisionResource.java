package dev.warden.cases.decision.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warden.cases.casework.rest.IfMatch;
import dev.warden.cases.decision.BulkDecisionRequest;
import dev.warden.cases.decision.BulkDecisionResult;
import dev.warden.cases.decision.DecisionRequest;
import dev.warden.cases.decision.DecisionService;
import dev.warden.cases.decision.DecisionView;
import dev.warden.cases.idempotency.IdempotencyKeys;
import dev.warden.common.rest.Idempotency;
import dev.warden.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@Tag(name = "decisions")
public class DecisionResource {

    static final String REPLAYED = Idempotency.REPLAYED;

    @Inject
    DecisionService decisions;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/{id}/decisions")
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Operation(summary = "Decide a case: WARN, RESTRICT (restrictFor), BAN, REINSTATE, DISMISS or ESCALATE (to legal)")
    @APIResponse(responseCode = "201", description = "decided; the enforcement event is in the outbox")
    @APIResponse(responseCode = "200", description = "a retry with the same Idempotency-Key: the first response")
    @APIResponse(responseCode = "409", description = "stale If-Match version, concurrent change, or the case takes no such decision")
    public Response decide(@PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, description = "case version from its ETag; stale → 409")
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Parameter(in = ParameterIn.HEADER, description = "makes retries safe: same key, same response, one decision")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid DecisionRequest request) {
        IdempotencyKeys.Result<DecisionView> r = decisions.decide(id, request, actor(), IfMatch.version(ifMatch),
                idempotencyKey);
        DecisionView d = r.body();
        return (r.replayed() ? Response.ok(d).header(REPLAYED, "true")
                : Response.created(URI.create("/api/cases/" + id + "/decisions/" + d.id())).entity(d))
                .header("ETag", IfMatch.etag(d.caseVersion())).build();
    }

    @POST
    @Path("/bulk-decisions")
    @RolesAllowed(Roles.SENIOR_REVIEWER)
    @Operation(summary = "Apply one decision to up to 1,000 cases, all or nothing (audited)")
    @APIResponse(responseCode = "200", description = "every case decided")
    @APIResponse(responseCode = "409", description = "a case takes no such decision; nothing was decided")
    public Response bulk(
            @Parameter(in = ParameterIn.HEADER, description = "makes retries safe")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid BulkDecisionRequest request) {
        IdempotencyKeys.Result<BulkDecisionResult> r = decisions.decideAll(request, actor(), idempotencyKey);
        Response.ResponseBuilder b = Response.ok(r.body());
        return (r.replayed() ? b.header(REPLAYED, "true") : b).build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
