package dev.warden.contracts.activity;

public enum ClientType {
    OFFICIAL_APP,
    BUSINESS_APP,
    BUSINESS_API,
    UNOFFICIAL_CLIENT
}
