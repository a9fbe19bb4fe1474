package dev.warden.detection.rules.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.warden.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import dev.warden.detection.rules.RuleAudit;
import dev.warden.detection.rules.RuleDefinition;
import dev.warden.detection.rules.RuleService;

@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class RulesResource {

    @Inject
    RuleService rules;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Detection rules in force: thresholds, windows, weights, versions")
    public List<RuleDefinition> list() {
        return rules.all();
    }

    @GET
    @Path("/{ruleId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One detection rule in force")
    @APIResponse(responseCode = "404", description = "no such rule")
    public RuleDefinition get(@PathParam("ruleId") String ruleId) {
        return rules.get(ruleId);
    }

    @PUT
    @Path("/{ruleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Store a new version of a rule; every instance applies it without restart")
    @APIResponse(responseCode = "200", description = "the stored version, already in force on this instance")
    @APIResponse(responseCode = "503", description = "not acknowledged by the rules topic, or written but not yet in force here")
    @APIResponse(responseCode = "409", description = "version is not the current version plus one")
    @APIResponse(responseCode = "400", description = "malformed JSON, a value of the wrong type, or an oversize id or description")
    @APIResponse(responseCode = "422", description = "thresholds, weights, score or cooldown are invalid")
    public RuleDefinition put(@PathParam("ruleId") String ruleId, @NotNull @Valid RuleDefinition rule) {
        return rules.put(ruleId, rule, identity.getPrincipal().getName());
    }

    @GET
    @Path("/{ruleId}/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Who last changed the rule's active version, when, and the version it replaced; the shadow version")
    @APIResponse(responseCode = "404", description = "no such rule")
    public RuleAudit audit(@PathParam("ruleId") String ruleId) {
        return rules.audit(ruleId);
    }
}
