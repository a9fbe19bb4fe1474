package dev.warden.detection.rules;

import java.util.ArrayList;
import java.util.List;

import dev.warden.contracts.signal.DetectionSignal.Criterion;

/** Collects a rule's comparisons so the signal can show each feature value next to its threshold. */
final class Check {

    final List<Criterion> criteria = new ArrayList<>();
    private boolean passed = true;

    Check atLeast(String feature, double value, double threshold) {
        criteria.add(new Criterion(feature, ">=", threshold, value));
        passed &= value >= threshold;
        return this;
    }

    Check atMost(String feature, double value, double threshold) {
        criteria.add(new Criterion(feature, "<=", threshold, value));
        passed &= value <= threshold;
        return this;
    }

    boolean passed() {
        return passed;
    }
}
