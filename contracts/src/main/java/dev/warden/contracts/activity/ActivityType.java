package dev.warden.contracts.activity;

public enum ActivityType {
    ACCOUNT_REGISTERED,
    MESSAGE_SENT,
    USER_REPORT,
    PROFILE_UPDATED
}
