package dev.warden.cases.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.cases.casework.CaseStatus;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A case as a reviewer sees it: its state and timeline (signals with explanations, decisions, notes,
 * appeals, and the mails notification-service sent about it).
 */
@RegisterForReflection
public record CaseView(UUID id, String accountId, CaseStatus status, int priority, double maxScore,
        String primaryViolation, String assignee, Instant openedAt, Instant updatedAt, long version,
        AccountSummary account, List<SignalEntry> signals, List<DecisionEntry> decisions, List<NoteEntry> notes,
        List<AppealEntry> appeals, String proposedAction, String policyRuleId, Integer policyRuleVersion,
        List<MailEntry> mails) {

    @RegisterForReflection
    public record AccountSummary(String id, String accountType, String status, Instant restrictedUntil) {
    }

    @RegisterForReflection
    public record SignalEntry(UUID signalId, String violation, double score, String ruleId, int ruleVersion,
            String summary, Instant detectedAt, JsonNode explanation) {
    }

    @RegisterForReflection
    public record DecisionEntry(UUID id, String action, String reasonCode, String reasonText, boolean automated,
            String actor, String policyRuleId, Integer policyVersion, Instant restrictedUntil, Instant decidedAt) {
    }

    @RegisterForReflection
    public record AppealEntry(UUID id, UUID decisionId, String status, String text, Instant filedAt, String decidedBy,
            Instant decidedAt, String decisionReason) {
    }

    /** A mail as notification-service reported it: {@code SENT} (the relay took it) or {@code DEAD}; recipient masked. */
    @RegisterForReflection
    public record MailEntry(UUID deliveryId, UUID enforcementEventId, String template, String audience,
            String recipient, String locale, String status, int attempts, Instant at) {
    }

    @RegisterForReflection
    public record NoteEntry(UUID id, String author, String text, Instant createdAt) {
    }
}
