package dev.warden.contracts.activity;

public enum ChatType {
    DIRECT,
    GROUP,
    BROADCAST
}
