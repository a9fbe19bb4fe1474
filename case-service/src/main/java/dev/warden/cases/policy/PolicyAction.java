package dev.warden.cases.policy;

/** What a policy rule does with a signal. The first three decide automatically; the others queue review work. */
public enum PolicyAction {
    BAN,
    RESTRICT,
    WARN,
    REVIEW,
    PROPOSE_ESCALATION;

    public boolean automatic() {
        return this == BAN || this == RESTRICT || this == WARN;
    }
}
