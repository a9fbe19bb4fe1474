package dev.warden.cases.decision;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A decision as the API returns it, with the case and account state it left behind. */
@RegisterForReflection
public record DecisionView(UUID id, UUID caseId, String accountId, String action, String reasonCode,
        String reasonText, boolean automated, String actor, String policyRuleId, Integer policyVersion,
        Instant restrictedUntil, Instant decidedAt, String caseStatus, long caseVersion, String accountStatus) {
}
