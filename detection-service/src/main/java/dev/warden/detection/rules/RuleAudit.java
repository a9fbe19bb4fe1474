package dev.warden.detection.rules;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The last write of a rule's active version (null: still the built-in one) and its running shadow (or null). */
@RegisterForReflection
public record RuleAudit(RuleRecord active, RuleRecord shadow) {
}
