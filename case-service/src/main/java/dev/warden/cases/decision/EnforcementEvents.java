package dev.warden.cases.decision;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;

/** Builds the enforcement event a committed decision announces. */
public final class EnforcementEvents {

    private EnforcementEvents() {
    }

    public static EnforcementEvent of(Decision d, EnforcementCase c, Account a, Duration appealWindow,
            Map<String, Object> statementOfReasons) {
        EnforcementEvent.Recipient recipient = a.contactEmail == null ? null
                : new EnforcementEvent.Recipient(a.contactEmail, a.locale);
        EnforcementEvent.PolicyRef policy = d.policyRuleId == null ? null
                : new EnforcementEvent.PolicyRef(d.policyRuleId, d.policyVersion);
        boolean appealable = d.action == DecisionAction.BAN || d.action == DecisionAction.RESTRICT
                || d.action == DecisionAction.WARN;
        return new EnforcementEvent(eventId(d).toString(), c.id.toString(), a.id, d.action.published(), d.automated,
                c.primaryViolation, d.reasonCode, d.reasonText, policy, statementOfReasons, d.actor, d.decidedAt,
                d.restrictedUntil, appealable ? d.decidedAt.plus(appealWindow) : null, recipient);
    }

    /** The event id is the decision id: one decision, one event, however often it is relayed. */
    public static UUID eventId(Decision d) {
        return d.id;
    }

    /**
     * The same event without personal data: no recipient, and the reviewer's free text (the reason and the
     * statement of reasons' facts and explanation) replaced by {@code marker}. Still a valid event.
     */
    public static String anonymised(String payload, String marker) {
        return WardenJson.write(WardenJson.read(payload, EnforcementEvent.class).withoutPersonalData(marker));
    }
}
