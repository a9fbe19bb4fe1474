package dev.warden.common.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/** The relay's own rules, with a store kept in memory and sends answered by the test. */
class LeaseRelayTest {

    record Row(String id, String key) {
    }

    /** Claims rows in order, a key at a time, and records what the relay tells it. */
    static final class Store implements RelayStore<Row> {
        final List<Row> due = new CopyOnWriteArrayList<>();
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();
        final List<String> released = new CopyOnWriteArrayList<>();
        final List<Integer> renewed = new CopyOnWriteArrayList<>();

        @Override
        public List<Row> claim(String owner, int limit, Instant leaseUntil) {
            List<Row> claimed = new ArrayList<>(due.subList(0, Math.min(limit, due.size())));
            due.removeAll(claimed);
            return claimed;
        }

        @Override
        public void renew(String owner, Collection<Row> rows, Instant leaseUntil) {
            renewed.add(rows.size());
        }

        @Override
        public void sent(Row row, Instant at, Duration took) {
            sent.add(row.id());
        }

        @Override
        public void failed(Row row, Throwable failure, Instant at) {
            failed.add(row.id() + ": " + LeaseRelay.describe(failure));
        }

        @Override
        public void release(String owner, List<Row> rows) {
            rows.forEach(r -> released.add(r.id()));
        }

        @Override
        public String key(Row row) {
            return row.key();
        }

        @Override
        public Object id(Row row) {
            return row.id();
        }
    }

    private final Store store = new Store();
    private final Map<String, UniEmitter<? super Void>> pending = new ConcurrentHashMap<>();
    private final Executor direct = Runnable::run;

    private LeaseRelay<Row> relay(Duration replyTimeout) {
        return new LeaseRelay<>("test", store, row -> Uni.createFrom().emitter(e -> pending.put(row.id(), e)),
                new LeaseRelay.Settings(Duration.ofSeconds(30), 10, replyTimeout), Clock.systemUTC(),
                new SimpleMeterRegistry(), direct);
    }

    @Test
    void sendsAKeysRowsOneAfterAnotherAndOtherKeysAtOnce() {
        store.due.addAll(List.of(new Row("a1", "a"), new Row("b1", "b"), new Row("a2", "a")));
        LeaseRelay<Row> relay = relay(Duration.ofMinutes(10));

        assertThat(relay.poll(10)).isEqualTo(3);
        assertThat(pending).containsOnlyKeys("a1", "b1");

        pending.get("a1").complete(null);
        assertThat(store.sent).containsExactly("a1");
        assertThat(pending).containsKey("a2");
        pending.get("b1").complete(null);
        pending.get("a2").complete(null);
        assertThat(store.sent).containsExactly("a1", "b1", "a2");
        assertThat(relay.inFlight()).isZero();
    }

    @Test
    void aFailureGivesTheRestOfItsKeyBackUnsent() {
        store.due.addAll(List.of(new Row("a1", "a"), new Row("a2", "a"), new Row("a3", "a")));
        LeaseRelay<Row> relay = relay(Duration.ofMinutes(10));
        relay.poll(10);

        pending.get("a1").fail(new IllegalStateException("refused"));

        assertThat(store.failed).containsExactly("a1: refused");
        assertThat(store.released).containsExactly("a2", "a3");
        assertThat(pending).containsOnlyKeys("a1");
        assertThat(relay.inFlight()).isZero();
    }

    @Test
    void renewsTheLeaseOfEverySendStillWaitingAndClaimsNoMoreThanTheCap() {
        for (int i = 0; i < 15; i++) {
            store.due.add(new Row("r" + i, "k" + i));
        }
        LeaseRelay<Row> relay = relay(Duration.ofMinutes(10));

        assertThat(relay.poll(100)).isEqualTo(10);
        assertThat(relay.poll(100)).isZero();
        assertThat(store.renewed).containsExactly(10);
        pending.get("r0").complete(null);
        assertThat(relay.poll(100)).isEqualTo(1);
        assertThat(store.renewed).containsExactly(10, 9);
    }

    @Test
    void anUnansweredSendCountsAsFailedAndItsLateAnswerIsStillRecorded() {
        store.due.add(new Row("m1", "a"));
        LeaseRelay<Row> relay = relay(Duration.ofMillis(50));
        relay.poll(10);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((store.failed.isEmpty() || relay.inFlight() > 0) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(store.failed).containsExactly("m1: no reply within PT0.05S: outcome unknown");
        assertThat(store.sent).isEmpty();

        pending.get("m1").complete(null); // the server took it after all
        assertThat(store.sent).containsExactly("m1");
        assertThat(relay.inFlight()).isZero();
    }
}
