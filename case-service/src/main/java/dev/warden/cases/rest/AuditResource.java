package dev.warden.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warden.cases.audit.AuditQueries;
import dev.warden.common.security.Roles;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@Tag(name = "audit")
public class AuditResource {

    @Inject
    AuditQueries audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The audit log, newest first, by actor, action, case, account and time (from inclusive, to exclusive)")
    public List<AuditQueries.Line> find(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("caseId") UUID caseId,
            @QueryParam("accountId") String accountId, @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) Integer page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) Integer size) {
        return audit.find(actor, action, caseId, accountId, from, to, page, size);
    }
}
