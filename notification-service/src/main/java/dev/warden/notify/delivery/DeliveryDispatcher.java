package dev.warden.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.notify.config.NotifyConfig;
import dev.warden.notify.mail.MailTemplates;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Sends due mails. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so instances never send the
 * same mail; a failure backs off exponentially with jitter and holds back that account's later mails
 * (order per account), until the attempts run out and the delivery is DEAD. A token bucket caps the
 * mails per second handed to the SMTP relay.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final String DUE = """
            SELECT * FROM delivery d
             WHERE d.status IN ('PENDING', 'FAILED') AND d.next_attempt_at <= ?1
               AND NOT EXISTS (SELECT 1 FROM delivery e
                                WHERE e.account_id = d.account_id AND e.status IN ('PENDING', 'FAILED')
                                  AND e.created_at < d.created_at AND e.next_attempt_at > ?1)
             ORDER BY d.created_at
             LIMIT ?2
               FOR UPDATE SKIP LOCKED""";

    @Inject
    EntityManager em;

    @Inject
    ReactiveMailer mailer;

    @Inject
    MailTemplates templates;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @Inject
    DeliveryMetrics metrics;

    private TokenBucket relayLimit;

    @PostConstruct
    void init() {
        relayLimit = new TokenBucket(config.rateLimit().perSecond(), config.rateLimit().burst(), System::nanoTime);
    }

    @Scheduled(every = "${warden.notify.dispatch-interval:500ms}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            while (true) {
                // the rate limit decides how many mails this batch may claim
                int allowed = relayLimit.take(config.batchSize());
                if (allowed == 0) {
                    break;
                }
                int looked = dispatchBatch(allowed);
                if (looked < allowed) {
                    relayLimit.giveBack(allowed - looked);
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("dispatch run failed, will retry: %s", e.getMessage());
        } finally {
            refreshQueueDepth();
        }
    }

    private void refreshQueueDepth() {
        try {
            metrics.refreshQueueDepth();
        } catch (RuntimeException e) {
            LOG.debugf("queue depth not refreshed: %s", e.getMessage());
        }
    }

    /**
     * Claims due mails and sends them: one account's mails one after another (a failure holds back the
     * rest), different accounts in parallel over the mailer's connection pool. Rows are only touched
     * on this (the transaction's) thread, after every send has answered or timed out.
     *
     * @return how many due deliveries were claimed (at most {@code limit})
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public int dispatchBatch(int limit) {
        Instant now = clock.instant();
        List<Delivery> due = em.createNativeQuery(DUE, Delivery.class).setParameter(1, now)
                .setParameter(2, limit).getResultList();
        Map<String, List<Prepared>> byAccount = new LinkedHashMap<>();
        for (Delivery d : due) {
            byAccount.computeIfAbsent(d.accountId, k -> new ArrayList<>()).add(prepare(d));
        }
        Map<UUID, Outcome> outcomes = new ConcurrentHashMap<>();
        List<Uni<Void>> chains = new ArrayList<>();
        int longest = 0;
        for (List<Prepared> mails : byAccount.values()) {
            chains.add(chain(mails, 0, outcomes));
            longest = Math.max(longest, mails.size());
        }
        if (!chains.isEmpty()) {
            Uni.join().all(chains).andFailFast().await().atMost(config.sendTimeout().multipliedBy(longest + 1L));
        }
        for (Delivery d : due) {
            Outcome o = outcomes.get(d.id);
            if (o != null) {
                apply(d, o, clock.instant()); // back off from when the attempt ended, not when it was claimed
            }
        }
        return due.size();
    }

    /** A mail ready to go, or the reason it cannot be rendered. */
    private record Prepared(Delivery delivery, Mail mail, String subject, String error) {
    }

    private record Outcome(String subject, String messageId, Instant at, String error, long nanos) {
        boolean sent() {
            return error == null;
        }
    }

    private Prepared prepare(Delivery d) {
        try {
            EnforcementEvent event = WardenJson.read(d.payload, EnforcementEvent.class);
            MailTemplates.RenderedMail mail = templates.render(d.template, d.locale, event);
            Mail m = Mail.withText(d.recipient, mail.subject(), mail.text()).setHtml(mail.html())
                    .addHeader("Message-ID", messageId(d))
                    .addHeader("X-Warden-Event", d.eventId.toString());
            return new Prepared(d, m, mail.subject(), null);
        } catch (RuntimeException e) {
            return new Prepared(d, null, null, "cannot render: " + e.getMessage());
        }
    }

    /** Sends mails[i], and on success the next one: never a later mail of the account before an earlier one. */
    private Uni<Void> chain(List<Prepared> mails, int i, Map<UUID, Outcome> outcomes) {
        if (i == mails.size()) {
            return Uni.createFrom().voidItem();
        }
        Prepared p = mails.get(i);
        if (p.error() != null) {
            outcomes.put(p.delivery().id, new Outcome(null, null, null, p.error(), 0));
            return Uni.createFrom().voidItem();
        }
        long t0 = System.nanoTime();
        return mailer.send(p.mail()).ifNoItem().after(config.sendTimeout()).fail()
                .onItemOrFailure().transformToUni((ok, failure) -> {
                    outcomes.put(p.delivery().id, new Outcome(p.subject(), messageId(p.delivery()), clock.instant(),
                            failure == null ? null : describe(failure), System.nanoTime() - t0));
                    return failure == null ? chain(mails, i + 1, outcomes) : Uni.createFrom().voidItem();
                });
    }

    private void apply(Delivery d, Outcome o, Instant now) {
        d.attempts++;
        if (o.sent()) {
            d.status = DeliveryStatus.SENT;
            d.subject = o.subject();
            d.smtpMessageId = o.messageId();
            d.sentAt = o.at();
            d.lastError = null;
            metrics.sent(d.template, Duration.ofNanos(o.nanos()));
            return;
        }
        d.lastError = o.error();
        if (d.attempts >= config.maxAttempts()) {
            d.status = DeliveryStatus.DEAD;
            metrics.dead();
            // no address in the log: the delivery id leads to it, for those allowed to read it
            LOG.errorf("delivery %s is DEAD after %d attempts: %s", d.id, d.attempts, o.error());
        } else {
            d.status = DeliveryStatus.FAILED;
            d.nextAttemptAt = now.plus(backoff(d.attempts));
            metrics.failed();
            LOG.warnf("delivery %s failed (attempt %d), retry at %s: %s", d.id, d.attempts, d.nextAttemptAt,
                    o.error());
        }
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private static String messageId(Delivery d) {
        return "<" + d.id + "@warden>";
    }

    /** initial × 2^(attempt-1), capped, with ±25 % jitter so retries of many mails spread out. */
    Duration backoff(int attempt) {
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
