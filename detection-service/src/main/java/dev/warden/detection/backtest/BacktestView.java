package dev.warden.detection.backtest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.warden.detection.rules.RuleDefinition;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A backtest as the API shows it: RUNNING, then DONE with its report or FAILED with the reason. */
@RegisterForReflection
public record BacktestView(UUID id, Status status, String requestedBy, Instant requestedAt, Instant finishedAt,
        int hours, List<RuleDefinition> rules, BacktestReport report, String failure) {

    public enum Status {
        RUNNING, DONE, FAILED
    }
}
