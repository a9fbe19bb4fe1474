package dev.warden.cases.decision;

import java.time.Instant;

/** A decision to apply: by a reviewer (actor = username) or by the policy (automated, rule named). */
public record DecisionCommand(DecisionAction action, String reasonCode, String reasonText, String actor,
        boolean automated, String policyRuleId, Integer policyVersion, Instant restrictedUntil) {
}
