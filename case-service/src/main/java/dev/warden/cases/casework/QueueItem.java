package dev.warden.cases.casework;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A case as a line of the reviewer queue. */
@RegisterForReflection
public record QueueItem(UUID id, String accountId, String accountType, CaseStatus status, int priority,
        double maxScore, String primaryViolation, String assignee, String proposedAction, String policyRuleId,
        Integer policyRuleVersion, Instant openedAt, Instant dueAt, long version) {
}
