package dev.warden.cases.policy;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One rule of the enforcement policy: conditions on a signal and its account, and what to do when all
 * hold. Rules are evaluated in order; the first match decides. {@code version} is assigned by the
 * server: it goes up whenever the rule's content changes, so a decision names exactly what made it.
 */
@RegisterForReflection
public record PolicyRule(String id, Integer version, String description, Conditions when, Outcome then) {

    /** All given conditions must hold; an absent condition always holds. */
    @RegisterForReflection
    public record Conditions(
            List<String> violations,
            Double minScore,          // inclusive
            Double maxScore,          // exclusive
            List<String> accountTypes, // PRIVATE / BUSINESS; an account of unknown type counts as PRIVATE
            Integer minStrikes90d,    // active strikes within 90 days before this signal
            Integer maxStrikes90d,
            Boolean offPlatformEvidence,
            String maxAccountAge) {   // ISO-8601 duration between registration and detection
    }

    /** What the rule does: an automatic action, or review work with a priority floor. */
    @RegisterForReflection
    public record Outcome(PolicyAction action, Integer priority, String restrictFor, String reasonCode) {
    }

    PolicyRule withVersion(int v) {
        return new PolicyRule(id, v, description, when, then);
    }

    /** Same rule content, ignoring the version: decides whether a PUT bumps the rule's version. */
    boolean sameContentAs(PolicyRule other) {
        return other != null && java.util.Objects.equals(description, other.description)
                && java.util.Objects.equals(when, other.when) && java.util.Objects.equals(then, other.then);
    }
}
