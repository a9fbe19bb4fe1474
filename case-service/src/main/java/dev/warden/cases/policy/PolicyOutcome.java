package dev.warden.cases.policy;

import dev.warden.cases.decision.DecisionAction;

/**
 * What the policy decided for a signal: an automatic action (naming the rule and version that made
 * it), or review work with a priority.
 */
public record PolicyOutcome(DecisionAction action, String ruleId, int ruleVersion, String reasonCode,
        String reasonText, int priority) {

    public static PolicyOutcome review(int priority) {
        return new PolicyOutcome(null, null, 0, null, null, priority);
    }

    public boolean automatic() {
        return action != null;
    }
}
