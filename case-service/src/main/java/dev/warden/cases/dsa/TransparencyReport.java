package dev.warden.cases.dsa;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Counts for a DSA transparency report, computed by the database over the decisions of a period
 * (decided_at in [from, to)). Appeals: filed in the period, and decided in the period with the decision
 * upheld (appeal rejected) or overturned (appeal upheld, account reinstated).
 */
@ApplicationScoped
public class TransparencyReport {

    @Inject
    EntityManager em;

    @RegisterForReflection
    public record Report(Instant from, Instant to, long decisions, Map<String, Long> actionsByType,
            Map<String, Long> byViolation, Map<String, Long> byAccountType, Map<String, Long> automatedVsManual,
            Map<String, Long> byDetectionSource, Map<String, Long> bySourceType, Double medianSecondsToAction,
            Map<String, Long> appeals) {
    }

    private static final String PERIOD = " FROM decision d JOIN enforcement_case c ON c.id = d.case_id "
            + "JOIN account a ON a.id = d.account_id WHERE d.decided_at >= ?1 AND d.decided_at < ?2 ";

    @Transactional
    public Report report(Instant from, Instant to) {
        Map<String, Long> byAction = group("d.action", from, to);
        long total = byAction.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> appeals = new LinkedHashMap<>();
        appeals.put("received", count("SELECT COUNT(*) FROM appeal WHERE filed_at >= ?1 AND filed_at < ?2", from, to));
        appeals.put("decisionUpheld", count("SELECT COUNT(*) FROM appeal WHERE status = 'REJECTED' "
                + "AND decided_at >= ?1 AND decided_at < ?2", from, to));
        appeals.put("decisionOverturned", count("SELECT COUNT(*) FROM appeal WHERE status = 'UPHELD' "
                + "AND decided_at >= ?1 AND decided_at < ?2", from, to));
        Object median = em.createNativeQuery("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "
                + "EXTRACT(EPOCH FROM (d.decided_at - c.opened_at)))" + PERIOD
                + "AND d.action IN ('WARN','RESTRICT','BAN')").setParameter(1, from).setParameter(2, to).getSingleResult();
        return new Report(from, to, total, byAction, group("c.primary_violation", from, to),
                group("COALESCE(a.account_type, 'UNKNOWN')", from, to),
                group("CASE WHEN d.automated THEN 'AUTOMATED' ELSE 'MANUAL' END", from, to),
                group("COALESCE((SELECT s.rule_id FROM signal s WHERE s.case_id = d.case_id ORDER BY s.detected_at LIMIT 1), 'NONE')", from, to),
                group("CASE WHEN c.primary_violation = 'USER_REPORTED' THEN 'SOURCE_ARTICLE_16' ELSE 'SOURCE_VOLUNTARY' END", from, to),
                median == null ? null : ((Number) median).doubleValue(), appeals);
    }

    private long count(String sql, Instant from, Instant to) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> group(String expr, Instant from, Instant to) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + expr + " AS k, COUNT(*)" + PERIOD + "GROUP BY k ORDER BY k")
                .setParameter(1, from).setParameter(2, to).getResultList();
        Map<String, Long> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
        return out;
    }

    /** dimension,key,value rows; one row per count. */
    public static String csv(Report r) {
        StringBuilder b = new StringBuilder("dimension,key,value\n");
        b.append("period,from,").append(r.from()).append('\n').append("period,to,").append(r.to()).append('\n');
        b.append("decisions,total,").append(r.decisions()).append('\n');
        rows(b, "action", r.actionsByType());
        rows(b, "violation", r.byViolation());
        rows(b, "account_type", r.byAccountType());
        rows(b, "automation", r.automatedVsManual());
        rows(b, "detection_source", r.byDetectionSource());
        rows(b, "source_type", r.bySourceType());
        b.append("time_to_action,median_seconds,").append(r.medianSecondsToAction() == null ? "" : r.medianSecondsToAction()).append('\n');
        rows(b, "appeals", r.appeals());
        return b.toString();
    }

    private static void rows(StringBuilder b, String dimension, Map<String, Long> m) {
        m.forEach((k, v) -> b.append(dimension).append(',').append(csvCell(k)).append(',').append(v == null ? "" : v).append('\n'));
    }

    /**
     * One cell: a value a spreadsheet would read as a formula (leading = + - @, tab or carriage return)
     * is prefixed with an apostrophe, and a cell with a separator, quote or line break is quoted.
     */
    static String csvCell(String s) {
        String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
