package dev.warden.contracts.enforcement;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of {@code warden.enforcement.v1}: a decision on an account that committed in
 * case-service. Published through the transactional outbox; {@link #eventId()} is stable across
 * redeliveries so consumers deduplicate on it.
 */
public record EnforcementEvent(
        String eventId,
        String caseId,
        String accountId,
        EnforcementAction action,
        boolean automated,
        String violation,
        String reasonCode,
        String reason,
        PolicyRef policy,
        Map<String, Object> statementOfReasons,
        String actor,
        Instant occurredAt,
        Instant restrictedUntil,
        Instant appealDeadline,
        Recipient recipient) {

    /**
     * The same event once the account's personal data is erased: no recipient, and the free text (the
     * reason, the statement of reasons' facts and explanation) replaced by {@code marker}. Still valid.
     */
    public EnforcementEvent withoutPersonalData(String marker) {
        Map<String, Object> statement = statementOfReasons == null ? null : new LinkedHashMap<>(statementOfReasons);
        if (statement != null) {
            statement.replace("decision_facts", marker);
            statement.replace("incompatible_content_explanation", marker);
        }
        return new EnforcementEvent(eventId, caseId, accountId, action, automated, violation, reasonCode,
                reason == null ? null : marker, policy, statement, actor, occurredAt, restrictedUntil, appealDeadline,
                null);
    }

    /** Which policy rule (and version) made an automatic decision. */
    public record PolicyRef(String ruleId, int version) {
    }

    /** Where the account holder is told; null when the platform gave no contact address. */
    public record Recipient(String email, String locale) {
    }
}
