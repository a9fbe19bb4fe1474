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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.warden.cases.casework.CaseNote;
import dev.warden.cases.usecase.AddNote;
import dev.warden.cases.readmodel.CaseQueries;
import dev.warden.cases.readmodel.CaseView;
import dev.warden.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class CaseResource {

    @Inject
    CaseQueries queries;

    @Inject
    AddNote notes;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.ADMIN})
    @Operation(summary = "A case with its timeline: signals and their explanations, decisions, notes, appeals, mails (ETag: its version; the read is audited)",
            description = "mails: what notification-service reported about the case (warden.notifications.v1), oldest first; "
                    + "status SENT (accepted by the relay) or DEAD (attempts ran out), recipient masked (j***@example.org)")
    public Response get(@PathParam("id") UUID id) {
        CaseView c = queries.detail(id);
        return Response.ok(c).header("ETag", IfMatch.etag(c.version())).build();
    }

    /** A reviewer's note on a case. */
    public record NoteRequest(
            @NotBlank(message = "must not be blank") @Size(max = 4000, message = "must be at most 4000 characters") String text) {
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER})
    @Operation(summary = "Add a note to a case")
    public Response addNote(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") @Valid NoteRequest request) {
        CaseNote n = notes.add(id, identity.getPrincipal().getName(), request.text());
        return Response.created(URI.create("/api/cases/" + id + "/notes/" + n.id))
                .entity(new CaseView.NoteEntry(n.id, n.author, n.text, n.createdAt)).build();
    }
}
