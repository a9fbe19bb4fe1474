package dev.warden.notify.delivery;

import java.util.List;

public enum DeliveryStatus {
    PENDING,
    SENT,
    /** Failed at least once; retried after a backoff. */
    FAILED,
    /** Gave up after the configured attempts. */
    DEAD,
    /** Nobody to send to (no contact address): recorded, not an error. */
    SKIPPED;

    /** Still to be sent by the dispatcher. */
    static final List<DeliveryStatus> QUEUED = List.of(PENDING, FAILED);
}
