package dev.warden.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;

/**
 * Compares signals with ground truth, per account: an account counts as flagged for a violation if it
 * got at least one signal of that violation. Signals for accounts without a label are ignored (other
 * traffic on the topic).
 */
public final class QualityReport {

    /** The auto-ban threshold of case-service's policy (ban-conclusive-bulk): no legitimate account may reach it. */
    public static final double AUTO_BAN_SCORE = 0.95;
    /** case-service also bans bulk/automated signals from this score within an hour of registration (ban-at-registration). */
    public static final double AUTO_BAN_YOUNG_SCORE = 0.8;

    public record Metrics(long tp, long fp, long fn, long tn) {
        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double falsePositiveRate() {
            return fp + tn == 0 ? 0.0 : (double) fp / (fp + tn);
        }
    }

    public record PersonaRow(Persona persona, long accounts, long flagged, long flaggedCorrectly, long autoBanLevel,
            Map<String, Long> rules) {
        /** Abusive family: share of its accounts flagged for one of its violations. */
        public double recall() {
            return accounts == 0 ? 1.0 : (double) flaggedCorrectly / accounts;
        }
    }

    private final Map<String, Label> labels = new HashMap<>();
    private final Map<String, Set<Violation>> flagged = new HashMap<>();
    private final Set<String> autoBan = new HashSet<>();
    /** Per account: the rule ids that flagged it. */
    private final Map<String, Set<String>> rules = new HashMap<>();

    public QualityReport(Iterable<Label> labels) {
        labels.forEach(l -> this.labels.put(l.accountId(), l));
    }

    public void add(DetectionSignal signal) {
        if (!labels.containsKey(signal.accountId())) {
            return;
        }
        flagged.computeIfAbsent(signal.accountId(), k -> new HashSet<>()).add(signal.violation());
        rules.computeIfAbsent(signal.accountId(), k -> new java.util.TreeSet<>()).add(signal.ruleId());
        if (autoBanLevel(signal)) {
            autoBan.add(signal.accountId());
        }
    }

    /** What case-service's default policy bans without review (private accounts). */
    static boolean autoBanLevel(DetectionSignal s) {
        if (s.score() >= AUTO_BAN_SCORE) {
            return true;
        }
        boolean bulkOrBot = s.violation() == Violation.BULK_MESSAGING || s.violation() == Violation.AUTOMATED_BEHAVIOR;
        var registered = s.account() == null ? null : s.account().registeredAt();
        return bulkOrBot && s.score() >= AUTO_BAN_YOUNG_SCORE && registered != null && s.triggeredAt() != null
                && !s.triggeredAt().isAfter(registered.plusSeconds(3600));
    }

    public Metrics metrics(Violation v) {
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (Label l : labels.values()) {
            boolean truth = l.violations().contains(v);
            boolean hit = flagged.getOrDefault(l.accountId(), Set.of()).contains(v);
            if (truth && hit) {
                tp++;
            } else if (hit) {
                fp++;
            } else if (truth) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Metrics(tp, fp, fn, tn);
    }

    public List<PersonaRow> personas() {
        Map<Persona, long[]> rows = new EnumMap<>(Persona.class);
        Map<Persona, Map<String, Long>> byRule = new EnumMap<>(Persona.class);
        for (Label l : labels.values()) {
            long[] row = rows.computeIfAbsent(l.persona(), p -> new long[4]);
            rules.getOrDefault(l.accountId(), Set.of()).forEach(r -> byRule
                    .computeIfAbsent(l.persona(), p -> new java.util.TreeMap<>()).merge(r, 1L, Long::sum));
            Set<Violation> got = flagged.getOrDefault(l.accountId(), Set.of());
            row[0]++;
            row[1] += got.isEmpty() ? 0 : 1;
            row[2] += got.stream().anyMatch(l.violations()::contains) ? 1 : 0;
            row[3] += autoBan.contains(l.accountId()) ? 1 : 0;
        }
        List<PersonaRow> out = new ArrayList<>();
        rows.forEach((p, r) -> out.add(new PersonaRow(p, r[0], r[1], r[2], r[3], byRule.getOrDefault(p, Map.of()))));
        return out;
    }

    /** Legitimate accounts that reached the auto-ban score: the number that must be zero. */
    public long legitimateAtAutoBanLevel() {
        return personas().stream().filter(r -> r.persona().legitimate()).mapToLong(PersonaRow::autoBanLevel).sum();
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-20s %6s %6s %6s %8s %10s %8s %8s%n", "violation", "TP", "FP", "FN",
                "TN", "precision", "recall", "FPR"));
        for (Violation v : List.of(Violation.BULK_MESSAGING, Violation.AUTOMATED_BEHAVIOR, Violation.NON_PERSONAL_USE)) {
            // USER_REPORTED has no ground truth in the simulator: no family is labelled with it
            Metrics m = metrics(v);
            sb.append(String.format(Locale.ROOT, "%-20s %6d %6d %6d %8d %10.4f %8.4f %8.5f%n", v, m.tp(), m.fp(), m.fn(),
                    m.tn(), m.precision(), m.recall(), m.falsePositiveRate()));
        }
        sb.append(String.format(Locale.ROOT, "%n%-20s %5s %8s %7s %7s %7s %7s  %s%n", "family", "tuned", "accounts",
                "flagged", "correct", "recall", "autoban", "accounts flagged per rule"));
        for (PersonaRow r : personas()) {
            boolean legit = r.persona().legitimate();
            sb.append(String.format(Locale.ROOT, "%-20s %5s %8d %7d %7s %7s %7d  %s%n", r.persona(),
                    r.persona().seenByRules() ? "yes" : "no", r.accounts(), r.flagged(),
                    legit ? "-" : Long.toString(r.flaggedCorrectly()),
                    legit ? "-" : String.format(Locale.ROOT, "%.3f", r.recall()), r.autoBanLevel(), r.rules()));
        }
        sb.append(String.format(Locale.ROOT, "%nlegitimate accounts at auto-ban level (must be 0): %d%n",
                legitimateAtAutoBanLevel()));
        return sb.toString();
    }
}
