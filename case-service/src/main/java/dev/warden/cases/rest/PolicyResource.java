package dev.warden.cases.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warden.cases.rest.IfMatch;
import dev.warden.cases.policy.DryRunReport;
import dev.warden.cases.policy.PolicyRule;
import dev.warden.cases.policy.PolicyService;
import dev.warden.cases.policy.PolicySet;
import dev.warden.common.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/policy")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@Tag(name = "policy")
public class PolicyResource {

    @Inject
    PolicyService policies;

    @Inject
    SecurityIdentity identity;

    /** A whole new rule list (first match wins); rule versions are assigned by the server. */
    @RegisterForReflection
    public record PolicyRequest(@NotNull(message = "must list the rules") List<PolicyRule> rules,
            @Size(max = 500, message = "must be at most 500 characters") String comment) {
    }

    /** A candidate rule list and how many of the most recent signals to replay it on. */
    @RegisterForReflection
    public record DryRunRequest(@NotNull(message = "must list the rules") List<PolicyRule> rules,
            @Min(value = 1, message = "must be >= 1") @Max(value = 1000, message = "must be <= 1000") Integer lastSignals) {
    }

    @GET
    @RolesAllowed({Roles.SENIOR_REVIEWER, Roles.ADMIN})
    @Operation(summary = "The active policy (ETag: its version)")
    public Response active() {
        PolicySet p = policies.active();
        return Response.ok(p).header("ETag", IfMatch.etag(p.version())).build();
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.SENIOR_REVIEWER, Roles.ADMIN})
    @Operation(summary = "Every policy version, newest first")
    public List<PolicySet> history() {
        return policies.history();
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({Roles.SENIOR_REVIEWER, Roles.ADMIN})
    @Operation(summary = "One stored policy version")
    // text checked by Bean Validation: a typed path parameter that does not convert would be a bare 404
    public PolicySet version(@PathParam("version")
            @Pattern(regexp = "[1-9][0-9]{0,8}", message = "must be a positive integer") String version) {
        return policies.version(Integer.parseInt(version));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SENIOR_REVIEWER, Roles.ADMIN})
    @Operation(summary = "Store a new policy version and switch it on (If-Match: the active version)")
    @APIResponse(responseCode = "200", description = "the new active version")
    @APIResponse(responseCode = "409", description = "the active version is not the one in If-Match")
    public Response replace(@HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PolicyRequest request) {
        Long expected = IfMatch.version(ifMatch);
        PolicySet p = policies.replace(request.rules(), request.comment(), identity.getPrincipal().getName(),
                expected == null ? null : expected.intValue());
        return Response.ok(p).header("ETag", IfMatch.etag(p.version())).build();
    }

    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SENIOR_REVIEWER, Roles.ADMIN})
    @Operation(summary = "What a candidate policy would have decided on the last N signals, next to the active one")
    public DryRunReport dryRun(@NotNull(message = "a JSON body is required") @Valid DryRunRequest request) {
        return policies.dryRun(request.rules(), request.lastSignals() == null ? 100 : request.lastSignals());
    }
}
