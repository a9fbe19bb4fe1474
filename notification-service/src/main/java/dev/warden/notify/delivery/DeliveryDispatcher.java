package dev.warden.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import dev.warden.notify.mail.MailModel;
import dev.warden.notify.mail.MailTemplates;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;

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

    /** @return how many due deliveries were claimed (at most {@code limit}) */
    @Transactional
    @SuppressWarnings("unchecked")
    public int dispatchBatch(int limit) {
        Instant now = clock.instant();
        List<Delivery> due = em.createNativeQuery(DUE, Delivery.class).setParameter(1, now)
                .setParameter(2, limit).getResultList();
        Set<String> heldBack = new HashSet<>();
        for (Delivery d : due) {
            if (!heldBack.contains(d.accountId) && !send(d, now)) {
                heldBack.add(d.accountId);
            }
        }
        return due.size();
    }

    private boolean send(Delivery d, Instant now) {
        long t0 = System.nanoTime();
        d.attempts++;
        try {
            EnforcementEvent event = WardenJson.read(d.payload, EnforcementEvent.class);
            MailTemplates.RenderedMail mail = templates.render(d.template, d.locale,
                    MailModel.of(event, config.evidenceBaseUrl()));
            String messageId = "<" + d.id + "@warden>";
            mailer.send(Mail.withText(d.recipient, mail.subject(), mail.text()).setHtml(mail.html())
                    .addHeader("Message-ID", messageId)
                    .addHeader("X-Warden-Event", d.eventId.toString()))
                    .await().atMost(config.sendTimeout());
            d.status = DeliveryStatus.SENT;
            d.subject = mail.subject();
            d.smtpMessageId = messageId;
            d.sentAt = clock.instant();
            d.lastError = null;
            metrics.sent(d.template, Duration.ofNanos(System.nanoTime() - t0));
            return true;
        } catch (RuntimeException e) {
            d.lastError = String.valueOf(e.getMessage());
            if (d.attempts >= config.maxAttempts()) {
                d.status = DeliveryStatus.DEAD;
                metrics.dead();
                LOG.errorf("delivery %s to %s is DEAD after %d attempts: %s", d.id, d.recipient, d.attempts, e.getMessage());
            } else {
                d.status = DeliveryStatus.FAILED;
                d.nextAttemptAt = now.plus(backoff(d.attempts));
                metrics.failed();
                LOG.warnf("delivery %s failed (attempt %d), retry at %s: %s", d.id, d.attempts, d.nextAttemptAt,
                        e.getMessage());
            }
            return false;
        }
    }

    /** initial × 2^(attempt-1), capped, with ±25 % jitter so retries of many mails spread out. */
    Duration backoff(int attempt) {
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
