package dev.warden.cases.casework;

/** NEW → IN_REVIEW → ACTIONED / DISMISSED / ESCALATED → CLOSED. Only CLOSED frees the account for a new case. */
public enum CaseStatus {
    NEW,
    IN_REVIEW,
    ACTIONED,
    DISMISSED,
    ESCALATED,
    CLOSED
}
