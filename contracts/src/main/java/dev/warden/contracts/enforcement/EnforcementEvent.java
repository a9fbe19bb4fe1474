package dev.warden.contracts.enforcement;

import java.time.Instant;

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
        StatementOfReasons statementOfReasons,
        String actor,
        Instant occurredAt,
        Instant restrictedUntil,
        Instant appealDeadline,
        Recipient recipient) {

    /** Which policy rule (and version) made an automatic decision. */
    public record PolicyRef(String ruleId, int version) {
    }

    /** Where the account holder is told; null when the platform gave no contact address. */
    public record Recipient(String email, String locale) {
    }
}
