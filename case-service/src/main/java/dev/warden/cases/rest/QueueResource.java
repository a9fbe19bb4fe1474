package dev.warden.cases.rest;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warden.cases.casework.CaseQueue;
import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.QueueFilter;
import dev.warden.cases.casework.QueueItem;
import dev.warden.cases.casework.QueuePage;
import dev.warden.common.problem.ProblemException;
import dev.warden.common.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.warden.contracts.signal.Violation;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@Tag(name = "queue")
public class QueueResource {

    private static final String ACCOUNT_TYPES = "PRIVATE|BUSINESS";

    @Inject
    CaseQueue queue;

    @Inject
    SecurityIdentity identity;

    @Inject
    Callers callers;

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.ADMIN})
    @Operation(summary = "The review queue: filtered, highest priority first, oldest first within a priority, paged")
    public QueuePage list(
            @QueryParam("status") List<CaseStatus> status,
            @QueryParam("violation") Violation violation,
            @QueryParam("accountType") @Pattern(regexp = ACCOUNT_TYPES, message = "must be PRIVATE or BUSINESS") String accountType,
            @QueryParam("assignee") @Pattern(regexp = "[^\\p{Cntrl}]{0,128}", message = "must be at most 128 characters") String assignee,
            @QueryParam("minScore") @DecimalMin("0") @DecimalMax("1") Double minScore,
            @QueryParam("maxScore") @DecimalMin("0") @DecimalMax("1") Double maxScore,
            @QueryParam("olderThan") Duration olderThan,
            @QueryParam("newerThan") Duration newerThan,
            @QueryParam("proposedAction") String proposedAction,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) Integer page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) Integer size) {
        if (minScore != null && maxScore != null && minScore > maxScore) {
            throw ProblemException.invalid("maxScore", "must not be below minScore");
        }
        return queue.list(new QueueFilter(status == null ? List.of() : status, name(violation), accountType,
                assignee, minScore, maxScore, olderThan, newerThan, proposedAction, overdue), page, size);
    }

    @POST
    @Path("/claim-next")
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Operation(summary = "Atomically assign the most urgent unassigned NEW case to the caller",
            description = "Optionally only a case of one violation and/or account type, for teams that specialise.")
    @APIResponse(responseCode = "200", description = "the claimed case, now IN_REVIEW and assigned to the caller")
    @APIResponse(responseCode = "204", description = "no unassigned NEW case matches")
    public Response claimNext(@QueryParam("violation") Violation violation,
            @QueryParam("accountType") @Pattern(regexp = ACCOUNT_TYPES, message = "must be PRIVATE or BUSINESS") String accountType) {
        return queue.claimNext(identity.getPrincipal().getName(), name(violation), accountType)
                .map(c -> Response.ok(c).header("ETag", IfMatch.etag(c.version())).build())
                .orElseGet(() -> Response.noContent().build());
    }

    private static String name(Violation violation) {
        return violation == null ? null : violation.name();
    }

    /** Who should work a case. */
    @RegisterForReflection
    public record AssignRequest(@NotBlank(message = "must not be blank")
            @Pattern(regexp = "[^\\p{Cntrl}]{1,128}", message = "must be at most 128 characters") String assignee) {
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Operation(summary = "Claim an unassigned case for yourself; senior reviewers also assign it to others or take it over (audited). If-Match: the case version")
    public Response assign(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid AssignRequest request) {
        QueueItem c = queue.assign(id, request.assignee(), callers.current(), IfMatch.version(ifMatch));
        return Response.ok(c).header("ETag", IfMatch.etag(c.version())).build();
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Operation(summary = "Give a case back to the queue (its assignee, or a senior reviewer)")
    public Response release(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        QueueItem c = queue.release(id, callers.current(), IfMatch.version(ifMatch));
        return Response.ok(c).header("ETag", IfMatch.etag(c.version())).build();
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Operation(summary = "Close a decided case (ACTIONED or DISMISSED); If-Match: the case version")
    public Response close(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        QueueItem c = queue.close(id, identity.getPrincipal().getName(), IfMatch.version(ifMatch));
        return Response.ok(c).header("ETag", IfMatch.etag(c.version())).build();
    }
}
