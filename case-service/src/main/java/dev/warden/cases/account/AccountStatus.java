package dev.warden.cases.account;

public enum AccountStatus {
    ACTIVE,
    WARNED,
    RESTRICTED,
    BANNED
}
