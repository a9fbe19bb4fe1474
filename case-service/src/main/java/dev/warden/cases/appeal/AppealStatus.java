package dev.warden.cases.appeal;

/** RECEIVED → UPHELD (the decision is reversed) or REJECTED (it stands). */
public enum AppealStatus {
    RECEIVED,
    UPHELD,
    REJECTED
}
