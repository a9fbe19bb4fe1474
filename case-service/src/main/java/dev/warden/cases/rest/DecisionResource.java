package dev.warden.cases.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import dev.warden.cases.casework.CaseQueue;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.BulkDecisionRequest;
import dev.warden.cases.decision.BulkDecisionResult;
import dev.warden.cases.decision.DecisionPreview;
import dev.warden.cases.decision.DecisionRequest;
import dev.warden.cases.decision.DecisionView;
import dev.warden.cases.usecase.DecideCase;
import dev.warden.cases.idempotency.IdempotencyKeys;
import dev.warden.common.rest.Idempotency;
import dev.warden.common.security.Roles;

@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@Tag(name = "decisions")
public class DecisionResource {

    static final String REPLAYED = Idempotency.REPLAYED;

    @Inject
    DecideCase decisions;

    @Inject
    Callers callers;


    @POST
    @Path("/{id}/decisions")
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Operation(summary = "Decide a case: WARN, RESTRICT (restrictFor), BAN, REINSTATE, DISMISS or ESCALATE (to legal)")
    @APIResponse(responseCode = "201", description = "decided; the enforcement event is in the outbox")
    @APIResponse(responseCode = "200", description = "a retry with the same Idempotency-Key: the first response")
    @APIResponse(responseCode = "202", description = "a BUSINESS ban proposed for a second reviewer's confirmation (caseStatus PROPOSED)")
    @APIResponse(responseCode = "403", description = "separation of duties: e.g. reversing a ban needs another senior reviewer")
    @APIResponse(responseCode = "409", description = "stale If-Match version, concurrent change, or the case takes no such decision")
    public Response decide(@PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, description = "case version from its ETag; stale → 409")
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Parameter(in = ParameterIn.HEADER, description = "makes retries safe: same key, same response, one decision")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid DecisionRequest request) {
        IdempotencyKeys.Result<DecisionView> r = decisions.decide(id, request, callers.current(), IfMatch.version(ifMatch),
                idempotencyKey);
        DecisionView d = r.body();
        Response.ResponseBuilder b = r.replayed() ? Response.ok(d).header(REPLAYED, "true")
                : d.id() == null ? Response.accepted(d) // a ban proposed for a second reviewer's confirmation
                : Response.created(URI.create("/api/cases/" + id + "/decisions/" + d.id())).entity(d);
        return b.header("ETag", IfMatch.etag(d.caseVersion())).build();
    }

    @POST
    @Path("/{id}/decisions/preview")
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Operation(summary = "What the decision would do, changing nothing: the statement of reasons a RESTRICT or BAN would carry",
            description = "The same checks as a decision (403 / 409 / 422 as it would get them); the statement is built and "
                    + "validated as it would be, with a placeholder puid. Not audited: nothing happens.")
    @APIResponse(responseCode = "200", description = "the preview; statementOfReasons is null for actions that carry none")
    public Response preview(@PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, description = "case version from its ETag; stale → 409")
            @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid DecisionRequest request) {
        DecisionPreview p = decisions.preview(id, request, callers.current(), IfMatch.version(ifMatch));
        return Response.ok(p).header("ETag", IfMatch.etag(p.caseVersion())).build();
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
        IdempotencyKeys.Result<BulkDecisionResult> r = decisions.decideAll(request, callers.current(), idempotencyKey);
        Response.ResponseBuilder b = Response.ok(r.body());
        return (r.replayed() ? b.header(REPLAYED, "true") : b).build();
    }

    @POST
    @Path("/bulk-decisions/preview")
    @RolesAllowed(Roles.SENIOR_REVIEWER)
    @Operation(summary = "What a bulk decision would do, case by case, changing nothing",
            description = "The same body and the same checks as the bulk call: per case whether it would be DECIDED "
                    + "(and whether it needs a statement of reasons), PROPOSED for a second reviewer, or REFUSED with the "
                    + "reason and status the call would give; wouldSucceed and status say how the whole call would end, "
                    + "problem is the problem it would send. Stores nothing, audits nothing.")
    @APIResponse(responseCode = "200", description = "the preview, also when the bulk call would be refused")
    @APIResponse(responseCode = "422", description = "duplicate case ids, or a statement of reasons that would not validate")
    public BulkPreviewView bulkPreview(
            @NotNull(message = "a JSON body is required") @Valid BulkDecisionRequest request) {
        return BulkPreviewView.of(decisions.previewAll(request, callers.current()), "/api/cases/bulk-decisions");
    }

    @POST
    @Path("/{id}/proposal/confirm")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Operation(summary = "Confirm a proposed ban of a business account (a reviewer other than its proposer)")
    @APIResponse(responseCode = "201", description = "the ban is decided, naming the proposer and the confirmer")
    @APIResponse(responseCode = "403", description = "the caller proposed it")
    @APIResponse(responseCode = "409", description = "the case has no proposed ban")
    public Response confirm(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        DecisionView d = decisions.confirm(id, callers.current(), IfMatch.version(ifMatch));
        return Response.created(URI.create("/api/cases/" + id + "/decisions/" + d.id())).entity(d)
                .header("ETag", IfMatch.etag(d.caseVersion())).build();
    }

    /** Why a proposed ban is rejected. */
    public record RejectRequest(@NotBlank(message = "must not be blank")
            @Size(max = 2000, message = "must be at most 2000 characters") String reasonText) {
    }

    @POST
    @Path("/{id}/proposal/reject")
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Operation(summary = "Reject a proposed ban (a reviewer other than its proposer); the case returns to review, assigned to the caller")
    public Response reject(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid RejectRequest request) {
        EnforcementCase c = decisions.reject(id, callers.current(), request.reasonText(), IfMatch.version(ifMatch));
        return Response.ok(CaseQueue.item(c)).header("ETag", IfMatch.etag(c.version)).build();
    }
}
