package dev.warden.notify.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.notify.delivery.DeliveryPlanner;
import dev.warden.common.messaging.ConsumerRetry;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads {@code warden.enforcement.v1}. Planning is quick (one transaction); sending happens in the
 * dispatcher, so a slow SMTP server never holds up consumption. Transient database failures are
 * retried ({@link ConsumerRetry}). Unreadable records are nacked and
 * land in {@code warden.enforcement.v1.dlq} with the reason.
 */
@ApplicationScoped
public class EnforcementConsumer {

    @Inject
    DeliveryPlanner planner;

    @Inject
    ConsumerRetry retry;

    @Incoming("enforcement")
    @Blocking
    public void onEnforcement(String json) {
        EnforcementEvent event = read(json);
        retry.run("enforcement", () -> planner.accept(event));
    }

    static EnforcementEvent read(String json) {
        EnforcementEvent e;
        try {
            e = WardenJson.read(json, EnforcementEvent.class);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("not an enforcement event: " + ex.getMessage(), ex);
        }
        if (e == null || e.eventId() == null || e.action() == null || e.accountId() == null) {
            throw new IllegalArgumentException("enforcement event lacks eventId, action or accountId");
        }
        try {
            java.util.UUID.fromString(e.eventId());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("eventId is not a UUID");
        }
        return e;
    }
}
