package dev.warden.cases.decision;

import java.time.Duration;
import java.util.UUID;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.enforcement.StatementOfReasons;
import dev.warden.contracts.json.WardenJson;

/** Builds the enforcement event a committed decision announces. */
public final class EnforcementEvents {

    private EnforcementEvents() {
    }

    public static EnforcementEvent of(Decision d, EnforcementCase c, Account a, Duration appealWindow,
            StatementOfReasons statementOfReasons) {
        // a dismissal is not mailed, so it carries no address
        EnforcementEvent.Recipient recipient = a.contactEmail == null || d.action == DecisionAction.DISMISS ? null
                : new EnforcementEvent.Recipient(a.contactEmail, a.locale);
        EnforcementEvent.PolicyRef policy = d.policyRuleId == null ? null
                : new EnforcementEvent.PolicyRef(d.policyRuleId, d.policyVersion);
        boolean appealable = d.action == DecisionAction.BAN || d.action == DecisionAction.RESTRICT
                || d.action == DecisionAction.WARN;
        return new EnforcementEvent(eventId(d).toString(), c.id.toString(), a.id, d.action.published(), d.automated,
                c.primaryViolation, d.reasonCode, d.reasonText, policy, statementOfReasons, d.actor, d.decidedAt,
                d.restrictedUntil, appealable ? d.decidedAt.plus(appealWindow) : null, recipient);
    }

    /** A late notice's own id, derived from the decision's so a retried transaction writes the same one. */
    public static UUID lateNoticeId(Decision d) {
        return UUID.nameUUIDFromBytes(("late-notice:" + d.id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
