package dev.warden.detection.rules;

import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.features.Features;

/**
 * A rule that is a conjunction of feature comparisons, evaluated on each message (optionally each report) of a personal account
 * (business accounts and business clients may broadcast and automate). The comparisons name the feature,
 * the operator and the threshold they read, so the signal shows each value next to its threshold.
 */
final class BehaviourDetector implements Detector {

    /** One comparison: {@code feature op threshold(thresholdName)}. */
    record Criterion(String feature, ToDoubleFunction<Features> value, boolean atLeast, String threshold) {
        static Criterion atLeast(String feature, ToDoubleFunction<Features> value, String threshold) {
            return new Criterion(feature, value, true, threshold);
        }

        static Criterion atMost(String feature, ToDoubleFunction<Features> value, String threshold) {
            return new Criterion(feature, value, false, threshold);
        }
    }

    /** Which window the signal (and its id) refers to. */
    enum Scale {
        HOUR, DAY
    }

    private final RuleDefinition defaults;
    private final Criterion[] criteria;
    private final Scale scale;
    private final String summary;
    private final boolean onReports;
    /**
     * The thresholds of the definition last evaluated, in criteria order, and of the one before it: a definition
     * changes rarely, and each event would otherwise look every threshold up by name. Two, because a running
     * shadow version takes turns with the live one. Immutable, so another stream thread sees them whole.
     */
    private volatile Thresholds compiled;
    private volatile Thresholds previous;

    private record Thresholds(RuleDefinition rule, double[] values) {
    }

    /** @param summary a format over the criteria's values, in their order */
    BehaviourDetector(RuleDefinition defaults, Scale scale, String summary, Criterion... criteria) {
        this(defaults, scale, false, summary, criteria);
    }

    /** @param onReports evaluated on reports against the account too, not only on its messages */
    BehaviourDetector(RuleDefinition defaults, Scale scale, boolean onReports, String summary, Criterion... criteria) {
        this.onReports = onReports;
        this.defaults = defaults;
        this.criteria = criteria.clone();
        this.scale = scale;
        this.summary = summary;
        for (Criterion c : criteria) {
            if (!defaults.thresholds().containsKey(c.threshold())) {
                throw new IllegalArgumentException(defaults.id() + " reads undefined threshold " + c.threshold());
            }
        }
    }

    static RuleDefinition definition(String id, dev.warden.contracts.signal.Violation violation, double score,
            long cooldownSeconds, Map<String, Double> thresholds, String description) {
        return definition(id, 1, violation, score, cooldownSeconds, thresholds, description);
    }

    /** A built-in definition changed since its first version: a new version, so signals tell them apart. */
    static RuleDefinition definition(String id, int version, dev.warden.contracts.signal.Violation violation,
            double score, long cooldownSeconds, Map<String, Double> thresholds, String description) {
        return new RuleDefinition(id, version, violation, true, score, cooldownSeconds, thresholds, Map.of(), description);
    }

    @Override
    public RuleDefinition defaults() {
        return defaults;
    }

    @Override
    public Optional<Finding> evaluate(ActivityEvent t, AccountState s, Features f, RuleDefinition rule) {
        boolean trigger = t.type() == ActivityType.MESSAGE_SENT || onReports && t.type() == ActivityType.USER_REPORT;
        if (!trigger || f.business()) {
            return Optional.empty();
        }
        // nearly every message fails a comparison: decide before building the evidence
        double[] thresholds = thresholds(rule);
        for (int i = 0; i < criteria.length; i++) {
            Criterion c = criteria[i];
            double v = c.value().applyAsDouble(f);
            if (c.atLeast() ? !(v >= thresholds[i]) : !(v <= thresholds[i])) {
                return Optional.empty();
            }
        }
        Check check = new Check();
        Object[] values = new Object[criteria.length];
        for (int i = 0; i < criteria.length; i++) {
            Criterion c = criteria[i];
            double v = c.value().applyAsDouble(f);
            values[i] = v;
            if (c.atLeast()) {
                check.atLeast(c.feature(), v, thresholds[i]);
            } else {
                check.atMost(c.feature(), v, thresholds[i]);
            }
        }
        long start = scale == Scale.HOUR ? f.hourWindowStartMillis() : f.dayWindowStartMillis();
        return Optional.of(new Finding(check.criteria, Detector.capped(rule.score()), String.format(summary, values),
                start, f.atMillis()));
    }

    private double[] thresholds(RuleDefinition rule) {
        Thresholds t = compiled;
        if (t != null && t.rule() == rule) {
            return t.values();
        }
        Thresholds p = previous;
        if (p != null && p.rule() == rule) {
            return p.values();
        }
        double[] values = new double[criteria.length];
        for (int i = 0; i < criteria.length; i++) {
            values[i] = rule.threshold(criteria[i].threshold());
        }
        previous = t;
        compiled = new Thresholds(rule, values);
        return values;
    }
}
