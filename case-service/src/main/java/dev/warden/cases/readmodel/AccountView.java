package dev.warden.cases.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An account as reviewers see it: enforcement status, strike history and every case. */
@RegisterForReflection
public record AccountView(String id, String accountType, String status, Instant restrictedUntil,
        boolean offPlatformEvidence, int activeStrikes90d, List<StrikeEntry> strikes, List<CaseEntry> cases,
        long version) {

    @RegisterForReflection
    public record StrikeEntry(UUID id, UUID decisionId, UUID caseId, String action, Instant createdAt,
            Instant clearedAt, String clearedReason) {
    }

    @RegisterForReflection
    public record CaseEntry(UUID id, String status, int priority, double maxScore, String primaryViolation,
            String assignee, Instant openedAt, Instant updatedAt) {
    }
}
