package dev.warden.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.enforcement.StatementOfReasons;

/** Enforcement events as case-service publishes them. */
public final class Events {

    public static final Instant DECIDED = Instant.parse("2026-11-22T10:15:00Z");

    private Events() {
    }

    public static EnforcementEvent of(EnforcementAction action, String accountId, String email, String locale) {
        Instant now = DECIDED;
        return new EnforcementEvent(UUID.randomUUID().toString(), UUID.randomUUID().toString(), accountId, action,
                true, "BULK_MESSAGING", "BULK_MESSAGING",
                "Automatic ban: 100 messages to 300 non-contacts within 60 s, 120 s after registration",
                new EnforcementEvent.PolicyRef("ban-conclusive-bulk", 1), null, "system:auto-enforcement", now,
                action == EnforcementAction.RESTRICTED ? now.plus(Duration.ofDays(7)) : null,
                now.plus(Duration.ofDays(30)), email == null ? null : new EnforcementEvent.Recipient(email, locale));
    }

    /** The same event decided by a person, with another reason code and text and a DSA statement. */
    public static EnforcementEvent byPerson(EnforcementEvent e, String reasonCode, String reason,
            StatementOfReasons statement) {
        return new EnforcementEvent(e.eventId(), e.caseId(), e.accountId(), e.action(), false, e.violation(),
                reasonCode, reason, null, statement, "reviewer:alice", e.occurredAt(), e.restrictedUntil(),
                e.appealDeadline(), e.recipient());
    }

    /** The same event carrying a DSA statement of reasons. */
    public static EnforcementEvent withStatement(EnforcementEvent e, StatementOfReasons statement) {
        return new EnforcementEvent(e.eventId(), e.caseId(), e.accountId(), e.action(), e.automated(), e.violation(),
                e.reasonCode(), e.reason(), e.policy(), statement, e.actor(), e.occurredAt(), e.restrictedUntil(),
                e.appealDeadline(), e.recipient());
    }

    /** A DSA Transparency Database statement as case-service attaches it to bans and restrictions. */
    public static StatementOfReasons statement(boolean restriction, String explanation) {
        return StatementOfReasons.builder()
                .decisionAccount(restriction ? "DECISION_ACCOUNT_SUSPENDED" : "DECISION_ACCOUNT_TERMINATED")
                .decisionProvision(restriction ? "DECISION_PROVISION_PARTIAL_SUSPENSION" : null)
                .endDateAccountRestriction(restriction ? "2026-11-29" : null)
                .decisionGround("DECISION_GROUND_INCOMPATIBLE_CONTENT")
                .incompatibleContentGround("ToS 4.2 No spam")
                .incompatibleContentExplanation(explanation)
                .category("STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE")
                .categorySpecification(List.of("KEYWORD_INAUTHENTIC_ACCOUNTS", "KEYWORD_HIDDEN_ADVERTISEMENT"))
                .automatedDetection("Yes")
                .automatedDecision(restriction ? "AUTOMATED_DECISION_PARTIALLY" : "AUTOMATED_DECISION_FULLY")
                .territorialScope(List.of("DE", "AT"))
                .puid("decision-" + UUID.randomUUID())
                .build();
    }
}
