package dev.warden.cases.casework;

import static dev.warden.cases.casework.CaseStatus.ACTIONED;
import static dev.warden.cases.casework.CaseStatus.CLOSED;
import static dev.warden.cases.casework.CaseStatus.DISMISSED;
import static dev.warden.cases.casework.CaseStatus.ESCALATED;
import static dev.warden.cases.casework.CaseStatus.IN_REVIEW;
import static dev.warden.cases.casework.CaseStatus.NEW;
import static dev.warden.cases.casework.CaseStatus.PROPOSED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The case lifecycle as a table: each transition, the statuses it may start from and where it leads
 * ({@code to == null}: the status stays). docs/cases.md shows the same table; a test compares them.
 */
public enum CaseTransition {
    /** A reviewer takes an unassigned case. */
    CLAIM(IN_REVIEW, NEW),
    /** The assignee (or a senior reviewer) gives it back to the queue. */
    RELEASE(NEW, IN_REVIEW),
    /** A senior reviewer takes over, or hands over, a case someone else holds. */
    TAKE_OVER(IN_REVIEW, IN_REVIEW),
    /** WARN, RESTRICT or BAN. */
    ENFORCE(ACTIONED, NEW, IN_REVIEW),
    DISMISS(DISMISSED, NEW, IN_REVIEW),
    /** Hands the case to legal. */
    ESCALATE(ESCALATED, NEW, IN_REVIEW),
    /** A ban that needs a second reviewer's confirmation. */
    PROPOSE(PROPOSED, NEW, IN_REVIEW),
    CONFIRM(ACTIONED, PROPOSED),
    REJECT_PROPOSAL(IN_REVIEW, PROPOSED),
    /** A reviewer's REINSTATE. */
    REINSTATE(ACTIONED, NEW, IN_REVIEW, ACTIONED, DISMISSED),
    /** The system lifts an enforcement (restriction expired, appeal upheld) on the open case; its work goes on. */
    LIFT(null, NEW, IN_REVIEW, PROPOSED, ACTIONED, DISMISSED, ESCALATED),
    /** A new signal on a decided case sends it back to the queue. */
    REOPEN(NEW, ACTIONED, DISMISSED),
    CLOSE(CLOSED, ACTIONED, DISMISSED),
    /** Legal closes its escalation, and with it the case. */
    CLOSE_ESCALATION(CLOSED, ESCALATED);

    private final CaseStatus to;
    private final Set<CaseStatus> from;

    CaseTransition(CaseStatus to, CaseStatus first, CaseStatus... rest) {
        this.to = to;
        this.from = EnumSet.of(first, rest);
    }

    public boolean allowedFrom(CaseStatus status) {
        return from.contains(status);
    }

    /** Where the transition leads from {@code status}. */
    public CaseStatus target(CaseStatus status) {
        return to == null ? status : to;
    }

    public Set<CaseStatus> from() {
        return EnumSet.copyOf(from);
    }

    /** Null when the status stays as it was. */
    public CaseStatus to() {
        return to;
    }

    /** Every transition a case in {@code status} may take (none for CLOSED). */
    public static List<CaseTransition> available(CaseStatus status) {
        return Arrays.stream(values()).filter(t -> t.allowedFrom(status)).toList();
    }
}
