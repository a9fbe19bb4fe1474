package dev.warden.detection.rules.shadow.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.warden.common.security.Roles;
import dev.warden.detection.rules.RuleDefinition;
import dev.warden.detection.rules.RuleRecord;
import dev.warden.detection.rules.shadow.ShadowReport;
import dev.warden.detection.rules.shadow.ShadowService;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/rules/{ruleId}/shadow")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class ShadowResource {

    @Inject
    ShadowService shadows;

    @Inject
    SecurityIdentity identity;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Run a candidate version in shadow: live traffic, signals to warden.signals.shadow.v1 only")
    @APIResponse(responseCode = "200", description = "the shadow record, already running on this instance")
    @APIResponse(responseCode = "404", description = "no such rule")
    @APIResponse(responseCode = "409", description = "version is not the active version plus one")
    @APIResponse(responseCode = "422", description = "thresholds, weights, score or cooldown are invalid")
    public RuleRecord put(@PathParam("ruleId") String ruleId, @NotNull @Valid RuleDefinition rule) {
        return shadows.put(ruleId, rule, identity.getPrincipal().getName());
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Live against shadow over a period: accounts only live, only shadow, both; per violation")
    @APIResponse(responseCode = "400", description = "from or to is not a timestamp, or the period is empty")
    @APIResponse(responseCode = "404", description = "no such rule, or it has no shadow version")
    public ShadowReport compare(@PathParam("ruleId") String ruleId, @QueryParam("from") Instant from,
            @QueryParam("to") Instant to) {
        return shadows.compare(ruleId, from, to);
    }

    @POST
    @Path("/promote")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Make the shadow version the active one, recording who promoted it and who proposed it")
    @APIResponse(responseCode = "404", description = "no such rule, or it has no shadow version")
    @APIResponse(responseCode = "409", description = "the active version changed since the shadow was put")
    public RuleRecord promote(@PathParam("ruleId") String ruleId) {
        return shadows.promote(ruleId, identity.getPrincipal().getName());
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Stop the shadow version without promoting it")
    @APIResponse(responseCode = "404", description = "no such rule, or it has no shadow version")
    public RuleRecord withdraw(@PathParam("ruleId") String ruleId) {
        return shadows.withdraw(ruleId, identity.getPrincipal().getName());
    }
}
