package dev.warden.cases.decision;

import dev.warden.contracts.enforcement.EnforcementAction;

/** What a decision does to an account, and the enforcement event it publishes (if any). */
public enum DecisionAction {
    WARN(EnforcementAction.WARNED),
    RESTRICT(EnforcementAction.RESTRICTED),
    BAN(EnforcementAction.BANNED),
    REINSTATE(EnforcementAction.REINSTATED),
    ESCALATE(EnforcementAction.ESCALATED_TO_LEGAL),
    DISMISS(EnforcementAction.DISMISSED);

    private final EnforcementAction published;

    DecisionAction(EnforcementAction published) {
        this.published = published;
    }

    /** Whether the decision counts as a strike on the account's record. */
    public boolean strike() {
        return this == WARN || this == RESTRICT || this == BAN;
    }

    /** Whether the account holder is mailed about the decision (escalations go to the legal team). */
    public boolean tellsHolder() {
        return this == WARN || this == RESTRICT || this == BAN || this == REINSTATE;
    }

    /** The event this decision emits (a dismissal too: detection's backtests read it as a benign label). */
    public EnforcementAction published() {
        return published;
    }
}
