package dev.warden.cases.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the active policy decided and what a candidate would decide, signal by signal. */
@RegisterForReflection
public record DryRunReport(int activeVersion, int evaluated, int changed, Map<String, Integer> activeByAction,
        Map<String, Integer> candidateByAction, List<Entry> results) {

    @RegisterForReflection
    public record Entry(UUID signalId, String accountId, String violation, double score, Instant receivedAt,
            Verdict active, Verdict candidate, boolean changed) {
    }

    @RegisterForReflection
    public record Verdict(String action, String ruleId, Integer ruleVersion, int priority) {

        static Verdict of(PolicyOutcome o) {
            return new Verdict(o.policyAction().name(), o.ruleId(), o.ruleId() == null ? null : o.ruleVersion(),
                    o.priority());
        }
    }
}
