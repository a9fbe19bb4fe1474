package dev.warden.detection.rules.shadow;

import java.time.Instant;
import java.util.List;

import dev.warden.contracts.signal.Violation;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Live against shadow over a period (event time of the triggering events). Accounts are compared, not
 * signal ids: a lowered threshold fires earlier, in another window, on the same account.
 *
 * @param rule        this rule's live version against its shadow version
 * @param byViolation the violation as a whole: every live rule of it, against the same with this rule's
 *                    live signals replaced by its shadow signals
 */
@RegisterForReflection
public record ShadowReport(String ruleId, int liveVersion, int shadowVersion, Instant from, Instant to, Buckets rule,
        List<ViolationBuckets> byViolation) {

    @RegisterForReflection
    public record ViolationBuckets(Violation violation, Buckets accounts) {
    }

    /** Signal counts per side, and accounts flagged only live, only in shadow, or by both (with a few examples). */
    @RegisterForReflection
    public record Buckets(long liveSignals, long shadowSignals, long onlyLive, long onlyShadow, long both,
            List<String> onlyLiveSample, List<String> onlyShadowSample) {
    }
}
