package dev.warden.cases.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.warden.cases.legal.LegalHold;
import dev.warden.cases.legal.LegalHolds;
import dev.warden.common.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/legal/holds")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.LEGAL)
public class HoldResource {

    @Inject
    LegalHolds holds;

    @Inject
    SecurityIdentity identity;

    public record HoldRequest(@NotNull(message = "must be CASE or ACCOUNT")
            @Pattern(regexp = "CASE|ACCOUNT", message = "must be CASE or ACCOUNT") String scope,
            @NotBlank(message = "must not be blank") @Size(max = 128, message = "must be at most 128 characters") String targetId,
            @NotBlank(message = "must not be blank") @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
    }

    @RegisterForReflection
    public record HoldView(UUID id, String scope, String targetId, String reason, String placedBy, Instant placedAt,
            String releasedBy, Instant releasedAt, boolean active) {
        static HoldView of(LegalHold h) {
            return new HoldView(h.id, h.scope.name(), h.targetId, h.reason, h.placedBy, h.placedAt, h.releasedBy,
                    h.releasedAt, h.active());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a legal hold on a case or an account: retention leaves it alone until released")
    public Response place(@NotNull(message = "a JSON body is required") @Valid HoldRequest r) {
        // the request's @Pattern admits only the two names
        LegalHold h = holds.place(LegalHold.Scope.valueOf(r.scope()), r.targetId(), r.reason(),
                identity.getPrincipal().getName());
        return Response.created(URI.create("/api/legal/holds/" + h.id)).entity(HoldView.of(h)).build();
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "Release a legal hold (it stays on record)")
    public HoldView release(@PathParam("id") UUID id) {
        return HoldView.of(holds.release(id, identity.getPrincipal().getName()));
    }

    @GET
    @Operation(summary = "Legal holds; only active ones unless all=true")
    public List<HoldView> list(@QueryParam("all") Boolean all) {
        return holds.list(!Boolean.TRUE.equals(all)).stream().map(HoldView::of).toList();
    }
}
