package dev.warden.contracts.erasure;

import java.time.Instant;

/**
 * One record of {@code warden.erasures.v1}: case-service erased an account's personal data (on request,
 * or by retention once its last case was due) and every other service must erase its share. Written only
 * by case-service, through its outbox, never while a legal hold applies to the account or one of its
 * cases. Carries no personal data itself. Consumers act on {@link #accountId()}: a replay changes nothing.
 */
public record ErasureEvent(String erasureId, String accountId, Cause cause, Instant erasedAt) {

    /** Why the data went: an erasure request (platform or admin), or the retention period ran out. */
    public enum Cause {
        REQUEST,
        RETENTION
    }
}
