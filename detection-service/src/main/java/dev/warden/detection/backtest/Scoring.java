package dev.warden.detection.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.rules.RuleDefinition;

/** Counts a backtest's signals per rule and per violation, and scores them against the labels. */
final class Scoring {

    private final Labels labels;
    private final Map<String, Set<Violation>> truth;

    Scoring(Labels labels) {
        this.labels = labels;
        this.truth = labels.truth();
    }

    BacktestReport report(String applicationId, Instant from, Instant to, List<RuleDefinition> ruleSet,
            List<DetectionSignal> signals) {
        List<BacktestReport.RuleResult> rules = new ArrayList<>();
        Map<Violation, List<DetectionSignal>> byViolation = new LinkedHashMap<>();
        for (RuleDefinition rule : ruleSet) {
            List<DetectionSignal> fired = signals.stream().filter(s -> s.ruleId().equals(rule.id())).toList();
            rules.add(new BacktestReport.RuleResult(rule.id(), rule.version(), rule.violation(), fired.size(),
                    accounts(fired).size(), quality(rule.violation(), accounts(fired))));
            byViolation.computeIfAbsent(rule.violation(), v -> new ArrayList<>()).addAll(fired);
        }
        List<BacktestReport.ViolationResult> violations = new ArrayList<>();
        byViolation.forEach((v, fired) -> violations.add(new BacktestReport.ViolationResult(v, fired.size(),
                accounts(fired).size(), quality(v, accounts(fired)))));
        return new BacktestReport(applicationId, from, to, signals.size(), truth.size(), labels.summary(), rules,
                violations);
    }

    private BacktestReport.Quality quality(Violation violation, Set<String> flagged) {
        Predicate<String> positive = a -> truth.get(a).contains(violation);
        List<String> labelledFlagged = flagged.stream().filter(truth::containsKey).toList();
        long tp = labelledFlagged.stream().filter(positive).count();
        long fp = labelledFlagged.size() - tp;
        long positives = truth.keySet().stream().filter(positive).count();
        long fn = positives - tp;
        if (tp + fp + positives == 0) {
            return null;
        }
        return new BacktestReport.Quality(tp, fp, fn, tp + fp == 0 ? null : (double) tp / (tp + fp),
                positives == 0 ? null : (double) tp / positives);
    }

    private static Set<String> accounts(List<DetectionSignal> signals) {
        Set<String> accounts = new HashSet<>();
        signals.forEach(s -> accounts.add(s.accountId()));
        return accounts;
    }
}
