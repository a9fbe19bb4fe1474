package dev.warden.cases.policy;

import java.time.Duration;

import dev.warden.cases.decision.DecisionAction;

/**
 * What the policy decided for a signal: an automatic action (naming the rule and version that made
 * it), or review work with a priority (and, for PROPOSE_ESCALATION, a proposed action).
 */
public record PolicyOutcome(DecisionAction action, String ruleId, int ruleVersion, String reasonCode,
        String reasonText, int priority, PolicyAction policyAction, Duration restrictFor, int policyVersion) {

    public static PolicyOutcome review(int priority) {
        return new PolicyOutcome(null, null, 0, null, null, priority, PolicyAction.REVIEW, null, 0);
    }

    public boolean automatic() {
        return action != null;
    }
}
