package dev.warden.contracts.enforcement;

public enum EnforcementAction {
    WARNED,
    RESTRICTED,
    BANNED,
    REINSTATED,
    ESCALATED_TO_LEGAL,
    APPEAL_RECEIVED,
    APPEAL_DECIDED
}
