package dev.warden.contracts.signal;

public enum Violation {
    BULK_MESSAGING,
    AUTOMATED_BEHAVIOR,
    NON_PERSONAL_USE,
    USER_REPORTED
}
