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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.warden.cases.legal.EscalationStatus;
import dev.warden.cases.legal.Escalations;
import dev.warden.cases.legal.LegalEscalation;
import dev.warden.cases.legal.LegalNote;
import dev.warden.common.problem.ProblemException;
import dev.warden.common.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/legal/escalations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.LEGAL)
public class EscalationResource {

    @Inject
    Escalations escalations;

    @Inject
    SecurityIdentity identity;

    @RegisterForReflection
    public record EscalationView(UUID id, UUID caseId, String accountId, EscalationStatus status, String escalatedBy,
            String reason, Instant receivedAt, Instant updatedAt) {
        static EscalationView of(LegalEscalation e) {
            return new EscalationView(e.id, e.caseId, e.accountId, e.status, e.escalatedBy, e.reason, e.receivedAt,
                    e.updatedAt);
        }
    }

    @RegisterForReflection
    public record NoteView(UUID id, String author, String text, Instant createdAt) {
        static NoteView of(LegalNote n) {
            return new NoteView(n.id, n.author, n.text, n.createdAt);
        }
    }

    public record StatusRequest(@NotBlank(message = "must be one of RECEIVED, UNDER_REVIEW, FILED, CLOSED") String status) {
    }

    public record NoteRequest(@NotBlank(message = "must not be blank")
            @Size(max = 4000, message = "must be at most 4000 characters") String text) {
    }

    @GET
    @Operation(summary = "The legal escalation queue, oldest first; optionally by status")
    public List<EscalationView> queue(@QueryParam("status") String status) {
        return escalations.queue(status == null ? null : parse("status", status)).stream().map(EscalationView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One escalation")
    public EscalationView get(@PathParam("id") UUID id) {
        return EscalationView.of(escalations.get(id));
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an escalation: RECEIVED → UNDER_REVIEW → FILED → CLOSED (409 for any other move)")
    public EscalationView move(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") @Valid StatusRequest r) {
        return EscalationView.of(escalations.move(id, parse("status", r.status())));
    }

    @GET
    @Path("/{id}/notes")
    @Operation(summary = "The legal team's notes on an escalation")
    public List<NoteView> notes(@PathParam("id") UUID id) {
        return escalations.notes(id).stream().map(NoteView::of).toList();
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a legal note to an escalation")
    public Response addNote(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") @Valid NoteRequest r) {
        LegalNote n = escalations.addNote(id, identity.getPrincipal().getName(), r.text());
        return Response.created(URI.create("/api/legal/escalations/" + id + "/notes/" + n.id)).entity(NoteView.of(n)).build();
    }

    private static EscalationStatus parse(String field, String value) {
        try {
            return EscalationStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of RECEIVED, UNDER_REVIEW, FILED, CLOSED");
        }
    }
}
