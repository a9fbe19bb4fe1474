package dev.warden.notify.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.notify.config.NotifyConfig;
import dev.warden.notify.erasure.AccountEraser;
import dev.warden.notify.mail.MailTemplates;

/**
 * Consumes an enforcement event: records it and plans its mails in one transaction, so a crash
 * between consuming and sending loses nothing and a replayed event plans nothing twice.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private static final Logger LOG = Logger.getLogger(DeliveryPlanner.class);

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @Inject
    AccountEraser erasures;

    /** @return false when the event had been consumed before */
    @Transactional
    public boolean accept(EnforcementEvent received) {
        // an event from before the account's erasure (it crossed the erasure on the other topic) keeps no data
        EnforcementEvent event = erasures.admit(received);
        UUID eventId = UUID.fromString(event.eventId());
        if (ConsumedEvent.findById(eventId) != null) {
            LOG.debugf("event %s already consumed", eventId);
            return false;
        }
        Instant now = clock.instant();
        ConsumedEvent consumed = new ConsumedEvent();
        consumed.eventId = eventId;
        consumed.action = event.action().name();
        consumed.accountId = event.accountId();
        consumed.consumedAt = now;
        consumed.persist();

        String payload = WardenJson.write(event);
        EnforcementEvent.Recipient holder = event.recipient();
        String holderTemplate = MailTemplates.forAccountHolder(event.action());
        if (holderTemplate != null) {
            plan(event, eventId, holder == null ? null : holder.email(), holderTemplate,
                    holder == null ? null : holder.locale(), payload, now);
        }
        if (event.action() == EnforcementAction.ESCALATED_TO_LEGAL) {
            plan(event, eventId, config.legalTeam(), MailTemplates.LEGAL_ESCALATION, "en", payload, now);
        }
        return true;
    }

    private static void plan(EnforcementEvent event, UUID eventId, String recipient, String template, String locale,
            String payload, Instant now) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.eventId = eventId;
        d.accountId = event.accountId();
        d.caseId = event.caseId();
        // the column holds 320 characters; a longer address is refused below, its start kept for the record
        d.recipient = recipient != null && recipient.length() > 320 ? recipient.substring(0, 320) : recipient;
        d.template = template;
        d.locale = MailTemplates.supportedLocale(locale);
        // an address that cannot be mailed is recorded with the reason and never sent (nor retried)
        String problem = RecipientAddress.problem(recipient);
        d.status = problem != null ? DeliveryStatus.SKIPPED : DeliveryStatus.PENDING;
        d.lastError = problem;
        d.nextAttemptAt = now;
        d.createdAt = now;
        d.payload = payload;
        d.persist();
    }
}
