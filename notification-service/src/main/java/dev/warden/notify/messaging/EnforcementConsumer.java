package dev.warden.notify.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.ContractReader;
import dev.warden.contracts.json.ContractViolation;
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

    private static final ContractReader<EnforcementEvent> READER =
            ContractReader.of("enforcement.v1", EnforcementEvent.class);

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

    /** Against {@code enforcement.v1.schema.json}; a violation names the field and is dead-lettered. */
    static EnforcementEvent read(String json) {
        EnforcementEvent e = READER.read(json);
        if (e.restrictedUntil() != null && e.restrictedUntil().isBefore(e.occurredAt())) {
            throw new ContractViolation("field 'restrictedUntil' lies before 'occurredAt'");
        }
        return e;
    }
}
