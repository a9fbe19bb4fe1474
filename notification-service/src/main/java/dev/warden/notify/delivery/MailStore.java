package dev.warden.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import dev.warden.common.logging.LogSafe;
import dev.warden.common.relay.LeaseRelay;
import dev.warden.common.relay.LeaseTable;
import dev.warden.common.relay.RelayStore;
import dev.warden.notify.config.NotifyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Due mails under the dispatcher's lease, oldest first per account; a mail in backoff holds back its
 * account's later ones. A failure backs off exponentially with jitter until the attempts run out (DEAD).
 * Each call is its own short transaction.
 */
@ApplicationScoped
public class MailStore implements RelayStore<Delivery> {

    private static final Logger LOG = Logger.getLogger(MailStore.class);
    static final LeaseTable TABLE = new LeaseTable("delivery", "account_id", "created_at, id", """
            {t}.status IN ('PENDING', 'FAILED') AND {t}.next_attempt_at <= ?2
             AND NOT EXISTS (SELECT 1 FROM delivery e WHERE e.account_id = {t}.account_id
                              AND e.status IN ('PENDING', 'FAILED') AND e.created_at < {t}.created_at
                              AND e.next_attempt_at > ?2)""", "lease_owner", "lease_until");

    @Inject
    EntityManager em;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @Inject
    DeliveryMetrics metrics;

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

    /** The server accepted the mail (at once, or late after the attempt had counted as failed). */
    @Override
    public void sent(Delivery row, Instant at, Duration took) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = Delivery.findById(row.id);
            boolean late = d.status != DeliveryStatus.PENDING && d.status != DeliveryStatus.FAILED;
            if (!late || d.status == DeliveryStatus.DEAD) {
                d.attempts += late ? 0 : 1;
                d.status = DeliveryStatus.SENT;
                d.subject = row.subject;
                d.smtpMessageId = MailSender.messageId(d);
                d.sentAt = at;
                d.lastError = null;
            }
            clearLease(d);
        });
        metrics.sent(row.template, took);
    }

    @Override
    public void failed(Delivery row, Throwable failure, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = Delivery.findById(row.id);
            clearLease(d);
            if (d.status != DeliveryStatus.PENDING && d.status != DeliveryStatus.FAILED) {
                return; // a late reply already recorded it
            }
            d.lastError = LeaseRelay.describe(failure);
            if (failure instanceof MailSender.Unmailable) {
                d.status = DeliveryStatus.SKIPPED; // the address will not get better by retrying
                return;
            }
            d.attempts++;
            if (d.attempts >= config.maxAttempts()) {
                d.status = DeliveryStatus.DEAD;
                metrics.dead();
                LOG.errorf("delivery %s is DEAD after %d attempts: %s", d.id, d.attempts, LogSafe.text(d.lastError));
            } else {
                d.status = DeliveryStatus.FAILED;
                d.nextAttemptAt = at.plus(backoff(d.attempts));
                metrics.failed();
                LOG.warnf("delivery %s failed (attempt %d), retry at %s: %s", d.id, d.attempts, d.nextAttemptAt,
                        LogSafe.text(d.lastError));
            }
        });
    }

    @Override
    public void release(String owner, List<Delivery> rows) {
        QuarkusTransaction.requiringNew().run(() -> TABLE.release(em, owner, rows.stream().map(d -> d.id).toList()));
    }

    @Override
    public String key(Delivery row) {
        return row.accountId;
    }

    @Override
    public Object id(Delivery row) {
        return row.id;
    }

    private static void clearLease(Delivery d) {
        d.leaseOwner = null;
        d.leaseUntil = null;
    }

    /**
     * initial × 2^(attempt-1), capped, with ±25 % jitter so retries of many mails spread out. Not a Fault
     * Tolerance retry: the next attempt is a time stored on the row, so it survives restarts, frees the
     * dispatcher for other mails meanwhile and may be taken by another instance.
     */
    Duration backoff(int attempt) {
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
