package dev.warden.common.relay;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

import dev.warden.common.logging.LogSafe;

/**
 * The one way Warden sends rows over the network: claim them under a lease in a short transaction,
 * send with no transaction open, record each outcome in its own short transaction. Rows of one key go
 * out one after another (a failure gives the rest of the key back); different keys in parallel. While a
 * send waits for its answer the lease is renewed on every {@link #poll}, so nobody sends the row again;
 * only a dead instance's lease expires, and the row is claimed again (at most one extra copy per
 * crash, with the same id). A send unanswered after {@link Settings#replyTimeout()} counts as failed
 * (its row's retry rule applies), and if its answer still comes it is recorded then.
 *
 * <p>Metrics, tagged {@code relay=<name>}: {@code warden.relay.sent}, {@code warden.relay.failed},
 * {@code warden.relay.late.replies}, {@code warden.relay.in.flight}, {@code warden.relay.send.latency}.
 */
public final class LeaseRelay<R> {

    private static final Logger LOG = Logger.getLogger(LeaseRelay.class);

    /**
     * @param lease how long a claim holds without renewal: how soon a dead instance's rows are sent again
     * @param maxInFlight most rows claimed and not yet answered
     * @param replyTimeout how long a send may go unanswered before it counts as failed
     */
    public record Settings(Duration lease, int maxInFlight, Duration replyTimeout) {
    }

    private final String name;
    private final String owner;
    private final RelayStore<R> store;
    private final RelaySender<R> sender;
    private final Settings settings;
    private final Clock clock;
    private final Executor worker;
    private final Map<Object, R> inFlight = new ConcurrentHashMap<>();
    private final Counter sent;
    private final Counter failed;
    private final Counter lateReplies;
    private final Timer latency;

    public LeaseRelay(String name, RelayStore<R> store, RelaySender<R> sender, Settings settings, Clock clock,
            MeterRegistry registry, Executor worker) {
        this.name = name;
        this.owner = name + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.store = store;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.worker = worker;
        sent = registry.counter("warden.relay.sent", "relay", name);
        failed = registry.counter("warden.relay.failed", "relay", name);
        lateReplies = registry.counter("warden.relay.late.replies", "relay", name);
        latency = Timer.builder("warden.relay.send.latency").tag("relay", name).publishPercentiles(0.5, 0.99)
                .register(registry);
        registry.gaugeMapSize("warden.relay.in.flight", io.micrometer.core.instrument.Tags.of("relay", name), inFlight);
    }

    /**
     * Renews the leases of rows still being sent, then claims up to {@code limit} more (never more than
     * the in-flight cap) and starts sending them. Returns at once; outcomes are recorded as answers come.
     *
     * @return how many rows were claimed
     */
    public synchronized int poll(int limit) {
        if (!inFlight.isEmpty()) {
            store.renew(owner, List.copyOf(inFlight.values()), clock.instant().plus(settings.lease()));
        }
        int room = Math.min(limit, settings.maxInFlight() - inFlight.size());
        if (room <= 0) {
            return 0;
        }
        List<R> claimed = store.claim(owner, room, clock.instant().plus(settings.lease()));
        Map<String, List<R>> byKey = new LinkedHashMap<>();
        for (R row : claimed) {
            inFlight.put(store.id(row), row);
            byKey.computeIfAbsent(store.key(row), k -> new ArrayList<>()).add(row);
        }
        byKey.values().forEach(rows -> send(rows, 0));
        return claimed.size();
    }

    /** Rows claimed by this instance whose send has not been answered (or recorded) yet. */
    public int inFlight() {
        return inFlight.size();
    }

    public String owner() {
        return owner;
    }

    /** Sends rows[i] and, once it is acknowledged and recorded, the next one of the key. */
    private void send(List<R> rows, int i) {
        if (i == rows.size()) {
            return;
        }
        R row = rows.get(i);
        long t0 = System.nanoTime();
        Uni<Void> attempt;
        try {
            attempt = sender.send(row).memoize().indefinitely();
        } catch (RuntimeException e) {
            attempt = Uni.createFrom().failure(e);
        }
        Uni<Void> pending = attempt;
        attempt.ifNoItem().after(settings.replyTimeout()).failWith(() -> new NoReplyException(settings.replyTimeout()))
                .emitOn(worker)
                .subscribe().with(ok -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    if (record(row, () -> store.sent(row, clock.instant(), took))) {
                        sent.increment();
                        latency.record(took);
                    }
                    inFlight.remove(store.id(row));
                    send(rows, i + 1);
                }, failure -> {
                    failed.increment();
                    LOG.warnf("%s: send of %s failed: %s", name, store.id(row), LogSafe.text(describe(failure)));
                    if (failure instanceof NoReplyException) {
                        awaitLateReply(pending, row, t0); // before the failure is recorded: no answer slips by
                    }
                    record(row, () -> store.failed(row, failure, clock.instant()));
                    inFlight.remove(store.id(row));
                    List<R> rest = List.copyOf(rows.subList(i + 1, rows.size()));
                    if (!rest.isEmpty()) {
                        record(row, () -> store.release(owner, rest));
                        rest.forEach(r -> inFlight.remove(store.id(r)));
                    }
                });
    }

    /** The reply to an attempt we stopped waiting for may still come: then the row was sent after all. */
    private void awaitLateReply(Uni<Void> attempt, R row, long t0) {
        attempt.emitOn(worker).subscribe().with(ok -> {
            lateReplies.increment();
            LOG.warnf("%s: late reply, %s was accepted after all", name, store.id(row));
            record(row, () -> store.sent(row, clock.instant(), Duration.ofNanos(System.nanoTime() - t0)));
        }, failure -> LOG.debugf("%s: the unanswered attempt of %s ended: %s", name, store.id(row), describe(failure)));
    }

    /** A failure to record leaves the row leased: the lease expires and the row is sent again (same id). */
    private boolean record(R row, Runnable outcome) {
        try {
            outcome.run();
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("%s: outcome of %s not recorded, it will be sent again after its lease: %s", name,
                    store.id(row), LogSafe.text(e));
            return false;
        }
    }

    public static String describe(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}
