package dev.warden.contracts.enforcement;

/**
 * What a committed decision did. DISMISSED: a reviewer found no violation; nobody is mailed, it is a label
 * for detection's backtests.
 */
public enum EnforcementAction {
    WARNED,
    RESTRICTED,
    BANNED,
    REINSTATED,
    ESCALATED_TO_LEGAL,
    APPEAL_RECEIVED,
    APPEAL_DECIDED,
    DISMISSED
}
