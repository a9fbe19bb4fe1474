package dev.warden.cases.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import dev.warden.common.rest.QueryParams;
import dev.warden.common.problem.ProblemException;
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
    @Operation(summary = "The audit log, newest first, by actor, case, account and time (from inclusive, to exclusive)")
    public List<AuditQueries.Line> find(@QueryParam("actor") String actor, @QueryParam("caseId") String caseId,
            @QueryParam("accountId") String accountId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("100") String size) {
        UUID c = null;
        if (caseId != null) {
            try {
                c = UUID.fromString(caseId);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("caseId", "must be a UUID");
            }
        }
        return audit.find(actor, c, accountId, QueryParams.instant("from", from), QueryParams.instant("to", to),
                QueryParams.intParam("page", page, 0, 100_000), QueryParams.intParam("size", size, 1, 1000));
    }
}
