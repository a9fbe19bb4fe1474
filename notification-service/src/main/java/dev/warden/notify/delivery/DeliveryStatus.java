package dev.warden.notify.delivery;

import java.util.List;

public enum DeliveryStatus {
    PENDING,
    SENT,
    /** Failed at least once; retried after a backoff. */
    FAILED,
    /** Gave up after the configured attempts. */
    DEAD,
    /** Nobody to send to (no contact address, or one that cannot be mailed): recorded with the reason, never sent. */
    SKIPPED;

    /** Still to be sent by the dispatcher. */
    static final List<DeliveryStatus> QUEUED = List.of(PENDING, FAILED);
}
