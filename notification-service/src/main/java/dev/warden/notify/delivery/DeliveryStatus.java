package dev.warden.notify.delivery;

public enum DeliveryStatus {
    PENDING,
    SENT,
    /** Failed at least once; retried after a backoff. */
    FAILED,
    /** Gave up after the configured attempts. */
    DEAD,
    /** Nobody to send to (no contact address): recorded, not an error. */
    SKIPPED
}
