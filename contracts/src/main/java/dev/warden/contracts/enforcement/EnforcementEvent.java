package dev.warden.contracts.enforcement;

import java.time.Instant;

/**
 * One record of {@code warden.enforcement.v1}: a decision on an account that committed in
 * case-service. Published through the transactional outbox; {@link #eventId()} is stable across
 * redeliveries so consumers deduplicate on it.
 *
 * <p>{@link #noticeOf()} is set on a <em>late notice</em>: the decision event {@code noticeOf} announced
 * again, with its own event id, because the platform's contact address arrived after the decision. It
 * changes nothing on the platform; notification-service mails the account holder from it.
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
        Recipient recipient,
        String noticeOf) {

    /** A decision's own announcement (not a late notice). */
    public EnforcementEvent(String eventId, String caseId, String accountId, EnforcementAction action,
            boolean automated, String violation, String reasonCode, String reason, PolicyRef policy,
            StatementOfReasons statementOfReasons, String actor, Instant occurredAt, Instant restrictedUntil,
            Instant appealDeadline, Recipient recipient) {
        this(eventId, caseId, accountId, action, automated, violation, reasonCode, reason, policy,
                statementOfReasons, actor, occurredAt, restrictedUntil, appealDeadline, recipient, null);
    }

    /** This decision announced again under {@code lateNoticeId}, now that the holder's address is known. */
    public EnforcementEvent lateNotice(String lateNoticeId, Recipient to) {
        return new EnforcementEvent(lateNoticeId, caseId, accountId, action, automated, violation, reasonCode, reason,
                policy, statementOfReasons, actor, occurredAt, restrictedUntil, appealDeadline, to, eventId);
    }

    /**
     * The same event once the account's personal data is erased: no recipient, and the free text (the
     * reason, the statement of reasons' facts and explanation) replaced by {@code marker}. Still valid.
     */
    public EnforcementEvent withoutPersonalData(String marker) {
        StatementOfReasons statement = statementOfReasons == null ? null : statementOfReasons.withFreeText(marker);
        return new EnforcementEvent(eventId, caseId, accountId, action, automated, violation, reasonCode,
                reason == null ? null : marker, policy, statement, actor, occurredAt, restrictedUntil, appealDeadline,
                null, noticeOf);
    }

    /** Which policy rule (and version) made an automatic decision. */
    public record PolicyRef(String ruleId, int version) {
    }

    /** Where the account holder is told; null when the platform gave no contact address. */
    public record Recipient(String email, String locale) {
    }
}
