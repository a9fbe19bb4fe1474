package dev.warden.notify.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.enforcement.StatementOfReasons;

/** A realistic enforcement event per template, so an admin can preview a mail without a real case. */
public final class SampleEvents {

    static final Instant DECIDED = Instant.parse("2026-11-22T10:15:00Z");

    private SampleEvents() {
    }

    public static EnforcementEvent forTemplate(String template, String locale) {
        EnforcementAction action = MailTemplates.actionOf(template);
        boolean restriction = action == EnforcementAction.RESTRICTED;
        boolean ban = action == EnforcementAction.BANNED;
        String reasonCode = action == EnforcementAction.APPEAL_DECIDED ? "APPEAL_REJECTED" : "BULK_MESSAGING";
        String reason = action == EnforcementAction.APPEAL_DECIDED
                ? "The messages were sent to 300 people who had not saved the account as a contact."
                : "100 messages to 300 people who had not saved you as a contact within 60 seconds, "
                        + "2 minutes after registration";
        return new EnforcementEvent("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-00000000c0de",
                "sample-account", action, ban, "BULK_MESSAGING", reasonCode, reason,
                ban ? new EnforcementEvent.PolicyRef("ban-conclusive-bulk", 1) : null,
                ban || restriction ? statement(restriction) : null, ban ? "system:auto-enforcement" : "reviewer:sample",
                DECIDED, restriction ? DECIDED.plus(Duration.ofDays(7)) : null,
                ban || restriction ? DECIDED.plus(Duration.ofDays(180)) : null,
                new EnforcementEvent.Recipient("holder@example.org", locale));
    }

    private static StatementOfReasons statement(boolean restriction) {
        return StatementOfReasons.builder()
                .decisionAccount(restriction ? "DECISION_ACCOUNT_SUSPENDED" : "DECISION_ACCOUNT_TERMINATED")
                .decisionProvision(restriction ? "DECISION_PROVISION_PARTIAL_SUSPENSION" : null)
                .endDateAccountRestriction(restriction ? "2026-11-29" : null)
                .decisionGround("DECISION_GROUND_INCOMPATIBLE_CONTENT")
                .incompatibleContentGround("Terms of Service, section 4.2 \"No spam\"")
                .incompatibleContentExplanation(
                        "The account sent the same message to hundreds of people who do not know it.")
                .category("STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE")
                .categorySpecification(List.of("KEYWORD_INAUTHENTIC_ACCOUNTS"))
                .automatedDetection("Yes")
                .automatedDecision(restriction ? "AUTOMATED_DECISION_PARTIALLY" : "AUTOMATED_DECISION_FULLY")
                .territorialScope(List.of("DE", "AT"))
                .puid("sample-decision-1")
                .build();
    }
}
