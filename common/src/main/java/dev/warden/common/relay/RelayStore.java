package dev.warden.common.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The rows a {@link LeaseRelay} sends. Each method is its own short transaction; none is called while a
 * send is waiting on the network.
 *
 * @param <R> one row to send (an outbox event, a mail, an outcome report)
 */
public interface RelayStore<R> {

    /**
     * Marks up to {@code limit} due rows as leased to {@code owner} until {@code leaseUntil} and returns them
     * oldest first. For each key the claim is a prefix of its due rows, and a key with a live lease is not
     * claimed at all, so a key's rows go out in order even across instances. An expired lease is claimable.
     */
    List<R> claim(String owner, int limit, Instant leaseUntil);

    /** Extends the lease on rows whose send has not answered yet, so nobody sends them a second time meanwhile. */
    void renew(String owner, Collection<R> rows, Instant leaseUntil);

    /** The send was acknowledged: the row is done, its lease cleared. */
    void sent(R row, Instant at, Duration took);

    /** The send failed (or got no answer in time): the row's own retry rule applies, its lease is cleared. */
    void failed(R row, Throwable failure, Instant at);

    /** Gives rows back unsent (an earlier row of their key failed); they are claimable again at once. */
    void release(String owner, List<R> rows);

    /** Rows of one key go out one after another, in claim order. */
    String key(R row);

    /** Identifies the row among those in flight. */
    Object id(R row);
}
