package dev.warden.cases.casework;

/**
 * Where a case is in its lifecycle; {@link CaseTransition} says how it moves. Only CLOSED frees the
 * account for a new case, and a CLOSED case never opens again.
 */
public enum CaseStatus {
    NEW,
    IN_REVIEW,
    /** A ban awaits a second reviewer's confirmation (when the policy requires one). */
    PROPOSED,
    ACTIONED,
    DISMISSED,
    /** Belongs to legal: reviewers read it and add notes, nothing more. */
    ESCALATED,
    CLOSED
}
