package dev.warden.notify.delivery.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

import dev.warden.common.security.Roles;
import dev.warden.notify.delivery.Delivery;
import dev.warden.notify.delivery.DeliveryStatus;
import io.quarkus.panache.common.Parameters;

@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class DeliveryResource {

    /** A delivery without its content. */
    public record DeliveryView(UUID id, UUID eventId, String accountId, String caseId, String recipient,
            String template, String locale, DeliveryStatus status, int attempts, String lastError,
            Instant createdAt, Instant sentAt, String subject) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.eventId, d.accountId, d.caseId, d.recipient, d.template, d.locale,
                    d.status, d.attempts, d.lastError, d.createdAt, d.sentAt, d.subject);
        }
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.SENIOR_REVIEWER, Roles.LEGAL, Roles.ADMIN})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Deliveries by account, case and status, newest first")
    public List<DeliveryView> list(@QueryParam("accountId") String accountId, @QueryParam("caseId") String caseId,
            @QueryParam("status") DeliveryStatus status,
            @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be at least 1")
            @Max(value = 1000, message = "must be at most 1000") int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (accountId != null) {
            q.append(" and accountId = :accountId");
            p.and("accountId", accountId);
        }
        if (caseId != null) {
            q.append(" and caseId = :caseId");
            p.and("caseId", caseId);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        return Delivery.<Delivery>find(q + " order by createdAt desc", p).page(0, limit).list().stream()
                .map(DeliveryView::of).toList();
    }
}
