package dev.warden.cases.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.warden.common.relay.LeaseRelay;
import dev.warden.common.relay.LeaseTable;
import dev.warden.common.relay.RelayStore;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Unpublished outbox events under a lease, in id order per account; each call is its own short transaction. */
@ApplicationScoped
public class OutboxStore implements RelayStore<OutboxEvent> {

    static final LeaseTable TABLE = new LeaseTable("outbox_event", "event_key", "id", "{t}.published_at IS NULL",
            "lease_owner", "lease_until");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public List<OutboxEvent> claim(String owner, int limit, Instant leaseUntil) {
        return QuarkusTransaction.requiringNew()
                .call(() -> TABLE.claim(em, OutboxEvent.class, owner, clock.instant(), limit, leaseUntil));
    }

    @Override
    public void renew(String owner, Collection<OutboxEvent> rows, Instant leaseUntil) {
        QuarkusTransaction.requiringNew().run(() -> TABLE.renew(em, owner, ids(rows), leaseUntil));
    }

    @Override
    public void sent(OutboxEvent row, Instant at, Duration took) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE outbox_event SET published_at = COALESCE(published_at, ?2), attempts = attempts + 1,
                       lease_owner = NULL, lease_until = NULL WHERE id = ?1""")
                .setParameter(1, row.id).setParameter(2, at).executeUpdate());
    }

    @Override
    public void failed(OutboxEvent row, Throwable failure, Instant at) {
        // retried on the next run; a send timeout has no message, only its type
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE outbox_event SET attempts = attempts + 1, last_error = ?2, lease_owner = NULL,
                       lease_until = NULL WHERE id = ?1 AND published_at IS NULL""")
                .setParameter(1, row.id).setParameter(2, LeaseRelay.describe(failure)).executeUpdate());
    }

    @Override
    public void release(String owner, List<OutboxEvent> rows) {
        QuarkusTransaction.requiringNew().run(() -> TABLE.release(em, owner, ids(rows)));
    }

    private static List<Long> ids(Collection<OutboxEvent> rows) {
        return rows.stream().map(e -> e.id).toList();
    }

    @Override
    public String key(OutboxEvent row) {
        return row.eventKey;
    }

    @Override
    public Object id(OutboxEvent row) {
        return row.id;
    }
}
