package dev.warden.contracts.activity;

public enum AccountType {
    PRIVATE,
    BUSINESS
}
