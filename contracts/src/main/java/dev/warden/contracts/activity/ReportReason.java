package dev.warden.contracts.activity;

public enum ReportReason {
    SPAM,
    SCAM,
    UNWANTED_COMMERCIAL,
    OTHER
}
