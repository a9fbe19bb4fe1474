package dev.warden.cases.policy;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One version of the whole policy: an ordered rule list. */
@RegisterForReflection
public record PolicySet(int version, List<PolicyRule> rules, String comment, String createdBy, Instant createdAt) {
}
