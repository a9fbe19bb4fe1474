package dev.warden.notify.delivery.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warden.common.problem.ProblemException;
import dev.warden.common.rest.Idempotency;
import dev.warden.common.rest.PathIds;
import dev.warden.common.security.Roles;
import dev.warden.notify.delivery.DeliveryDetail;
import dev.warden.notify.delivery.DeliveryFilter;
import dev.warden.notify.delivery.DeliveryPage;
import dev.warden.notify.delivery.DeliveryQueries;
import dev.warden.notify.delivery.DeliveryReadView;
import dev.warden.notify.delivery.DeliveryResender;
import dev.warden.notify.delivery.DeliveryView;
import dev.warden.notify.report.RecipientMask;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@Tag(name = "deliveries", description = "Every mail Warden planned, sent, retried or gave up on")
public class DeliveryResource {

    @Inject
    DeliveryQueries queries;

    @Inject
    DeliveryResender resender;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.LEGAL, Roles.ADMIN})
    @Operation(summary = "Deliveries by account, case, status and period, newest first, paginated")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "400", description = "A filter value is malformed; `errors[].field` names it")
    public DeliveryPage list(@QueryParam("accountId") String accountId,
            @Parameter(description = "case UUID") @QueryParam("caseId") String caseId,
            @Parameter(description = "PENDING, SENT, FAILED, DEAD or SKIPPED") @QueryParam("status") String status,
            @Parameter(description = "created at or after: RFC 3339 timestamp or YYYY-MM-DD") @QueryParam("from")
            String from,
            @Parameter(description = "created before: RFC 3339 timestamp, or YYYY-MM-DD (inclusive day)")
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) Integer page,
            @Parameter(description = "1..500") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) Integer size) {
        DeliveryPage found = queries.list(DeliveryFilter.parse(accountId, caseId, status, from, to), page, size);
        // lists never carry full addresses: they page through many account holders at a time
        return new DeliveryPage(found.items().stream().map(DeliveryResource::masked).toList(), found.page(),
                found.size(), found.total());
    }

    private static DeliveryView masked(DeliveryView v) {
        return v.withRecipient(RecipientMask.mask(v.recipient()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.LEGAL, Roles.ADMIN})
    @Operation(summary = "One delivery with its rendered mail; the read is recorded (who, when)")
    @APIResponse(responseCode = "200", description = "The delivery and its subject, text and HTML part")
    @APIResponse(responseCode = "404", description = "No such delivery, or a malformed id")
    public DeliveryDetail get(@PathParam("id") String id) {
        DeliveryDetail detail = queries.read(PathIds.uuid("delivery", id), identity.getPrincipal().getName(), identity.getRoles());
        // the full address only in this audited read, and only for legal and admin
        return identity.hasRole(Roles.LEGAL) || identity.hasRole(Roles.ADMIN) ? detail
                : new DeliveryDetail(masked(detail.delivery()), detail.content());
    }

    @GET
    @Path("/{id}/reads")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Who read this delivery's content, and when (the audit of GET /api/deliveries/{id})")
    @APIResponse(responseCode = "404", description = "No such delivery, or a malformed id")
    public List<DeliveryReadView> reads(@PathParam("id") String id) {
        return queries.reads(PathIds.uuid("delivery", id));
    }

    @POST
    @Path("/{id}/resend")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Queue the mail again as a new delivery; idempotent per Idempotency-Key",
            description = "The original keeps its history. Repeating a request with the same key returns the "
                    + "delivery it created. A delivery that is still queued, or that had no recipient, cannot be resent.")
    @APIResponse(responseCode = "202", description = "The new (or, for a repeated key, the earlier) delivery")
    @APIResponse(responseCode = "409", description = "The delivery or a resend of it is still queued")
    @APIResponse(responseCode = "422", description = "No recipient, or the key was used for another delivery")
    public Response resend(@PathParam("id") String id,
            @Parameter(description = "client-chosen unique key of this request, e.g. a UUID", required = true)
            @HeaderParam(Idempotency.KEY) String idempotencyKey) {
        UUID delivery = PathIds.uuid("delivery", id); // a malformed id is a 404 before anything else
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw ProblemException.invalid("header.Idempotency-Key", "is required, 1 to 128 characters");
        }
        DeliveryResender.Resend r = resender.resend(delivery, idempotencyKey, identity.getPrincipal().getName());
        return Response.accepted(r.delivery()).location(URI.create("/api/deliveries/" + r.delivery().id()))
                .header(Idempotency.REPLAYED, r.replayed()).build();
    }
}
