package dev.warden.notify.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.warden.common.relay.LeaseTable;
import dev.warden.common.relay.RelayStore;
import dev.warden.notify.delivery.Delivery;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Final outcomes (SENT, DEAD) of mails about a case not yet reported, under the reporter's own lease
 * columns. Plain UPDATEs: the entity's version stays, so no admin action on the row conflicts with them.
 */
@ApplicationScoped
public class ReportStore implements RelayStore<Delivery> {

    static final LeaseTable TABLE = new LeaseTable("delivery", "account_id", "created_at, id",
            "{t}.reported_at IS NULL AND {t}.status IN ('SENT', 'DEAD') AND {t}.case_id IS NOT NULL",
            "report_lease_owner", "report_lease_until");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public List<Delivery> claim(String owner, int limit, Instant leaseUntil) {
        return QuarkusTransaction.requiringNew()
                .call(() -> TABLE.claim(em, Delivery.class, owner, clock.instant(), limit, leaseUntil));
    }

    @Override
    public void renew(String owner, Collection<Delivery> rows, Instant leaseUntil) {
        QuarkusTransaction.requiringNew().run(() -> TABLE.renew(em, owner, rows.stream().map(d -> d.id).toList(),
                leaseUntil));
    }

    @Override
    public void sent(Delivery row, Instant at, Duration took) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE delivery SET reported_at = COALESCE(reported_at, ?2), report_lease_owner = NULL,
                       report_lease_until = NULL WHERE id = ?1""")
                .setParameter(1, row.id).setParameter(2, at).executeUpdate());
    }

    @Override
    public void failed(Delivery row, Throwable failure, Instant at) {
        release(null, List.of(row)); // reported again on the next run
    }

    @Override
    public void release(String owner, List<Delivery> rows) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE delivery SET report_lease_owner = NULL, report_lease_until = NULL
                 WHERE id IN (?1) AND reported_at IS NULL""")
                .setParameter(1, rows.stream().map(d -> d.id).toList()).executeUpdate());
    }

    @Override
    public String key(Delivery row) {
        return row.accountId;
    }

    @Override
    public Object id(Delivery row) {
        return row.id;
    }
}
