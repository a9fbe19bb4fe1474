package dev.warden.cases.decision;

import java.time.Instant;

/**
 * A decision to apply: by a reviewer (actor = username) or by the policy (automated, rule named, and
 * the policy version the rule belonged to).
 */
public record DecisionCommand(DecisionAction action, String reasonCode, String reasonText, String actor,
        boolean automated, String policyRuleId, Integer policyVersion, Instant restrictedUntil,
        Integer policySetVersion, String confirmedBy) {

    public DecisionCommand(DecisionAction action, String reasonCode, String reasonText, String actor,
            boolean automated, String policyRuleId, Integer policyVersion, Instant restrictedUntil,
            Integer policySetVersion) {
        this(action, reasonCode, reasonText, actor, automated, policyRuleId, policyVersion, restrictedUntil,
                policySetVersion, null);
    }

    /** Without a policy set version: reviewers' decisions, and callers written before policies were versioned. */
    public DecisionCommand(DecisionAction action, String reasonCode, String reasonText, String actor,
            boolean automated, String policyRuleId, Integer policyVersion, Instant restrictedUntil) {
        this(action, reasonCode, reasonText, actor, automated, policyRuleId, policyVersion, restrictedUntil, null, null);
    }
}
