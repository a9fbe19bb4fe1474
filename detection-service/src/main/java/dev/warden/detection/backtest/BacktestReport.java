package dev.warden.detection.backtest;

import java.time.Instant;
import java.util.List;

import dev.warden.contracts.signal.Violation;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the candidate rule set found in the replayed period. Quality is computed over labelled accounts
 * only, and is null where no label speaks to the violation.
 */
@RegisterForReflection
public record BacktestReport(String applicationId, Instant from, Instant to, long signals, long labelledAccounts,
        LabelSummary labels, List<RuleResult> rules, List<ViolationResult> violations) {

    /** REQUEST: labels given with the request; REVIEWER_DECISIONS: human decisions on warden.enforcement.v1. */
    public enum LabelSource {
        REQUEST, REVIEWER_DECISIONS, NONE
    }

    /** Where the truth came from, how many accounts it labels (violating / benign), in words. */
    @RegisterForReflection
    public record LabelSummary(LabelSource source, long accounts, long violating, long benign, String note) {
    }

    @RegisterForReflection
    public record RuleResult(String ruleId, int version, Violation violation, long signals, long accounts,
            Quality quality) {
    }

    @RegisterForReflection
    public record ViolationResult(Violation violation, long signals, long accounts, Quality quality) {
    }

    /** Over labelled accounts: flagged with the violation (tp), flagged without it (fp), missed (fn). */
    @RegisterForReflection
    public record Quality(long truePositives, long falsePositives, long falseNegatives, Double precision,
            Double recall) {
    }
}
