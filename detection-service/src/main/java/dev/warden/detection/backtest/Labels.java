package dev.warden.detection.backtest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.warden.contracts.signal.Violation;

/**
 * A backtest's truth: per labelled account the violations it committed (none = benign), and where the
 * labels came from.
 */
record Labels(BacktestReport.LabelSource source, Map<String, Set<Violation>> truth, long humanDecisions) {

    static Labels fromRequest(List<BacktestRequest.Label> labels) {
        Map<String, Set<Violation>> truth = new HashMap<>();
        labels.forEach(l -> truth.computeIfAbsent(l.accountId(), a -> new HashSet<>())
                .addAll(l.violations() == null ? Set.of() : l.violations()));
        return new Labels(BacktestReport.LabelSource.REQUEST, truth, 0);
    }

    BacktestReport.LabelSummary summary() {
        long benign = truth.values().stream().filter(Set::isEmpty).count();
        String note = switch (source) {
            case REQUEST -> "labels from the request";
            case NONE -> "no labels";
            case REVIEWER_DECISIONS -> truth.isEmpty()
                    ? "no labels: none in the request, and none of the " + humanDecisions
                            + " human decisions in the period is a label; precision and recall are null"
                    : "latest human decision per account in the period, from " + humanDecisions + " human decisions";
        };
        return new BacktestReport.LabelSummary(truth.isEmpty() ? BacktestReport.LabelSource.NONE : source,
                truth.size(), truth.size() - benign, benign, note);
    }
}
