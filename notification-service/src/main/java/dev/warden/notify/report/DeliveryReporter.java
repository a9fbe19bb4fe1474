package dev.warden.notify.report;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.notification.NotificationEvent;
import dev.warden.notify.config.NotifyConfig;
import dev.warden.notify.delivery.Delivery;
import dev.warden.notify.delivery.DeliveryMetrics;
import dev.warden.notify.delivery.DeliveryStatus;
import dev.warden.notify.mail.MailTemplates;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Reports the final outcome of every mail about a case on {@code warden.notifications.v1}: the delivery
 * table is its own outbox. Like case-service's OutboxRelay, an advisory lock makes one instance the
 * reporter at a time (order kept), and a row is marked {@code reported_at} only after the broker
 * acknowledged its event. A broker outage leaves the rows unmarked and the next run retries them
 * (at-least-once; consumers deduplicate on deliveryId).
 */
@ApplicationScoped
public class DeliveryReporter {

    private static final Logger LOG = Logger.getLogger(DeliveryReporter.class);
    private static final long ADVISORY_LOCK = 0x5741_524e_5250L; // "WARNRP"
    private static final String UNREPORTED = """
            SELECT * FROM delivery
             WHERE reported_at IS NULL AND status IN ('SENT', 'DEAD') AND case_id IS NOT NULL
             ORDER BY created_at, id
             LIMIT ?1
               FOR UPDATE SKIP LOCKED""";

    @Inject
    EntityManager em;

    @Inject
    @Channel("notifications")
    MutinyEmitter<String> emitter;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @Inject
    DeliveryMetrics metrics;

    @Scheduled(every = "${warden.notify.report.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            int reported;
            do {
                reported = reportBatch();
            } while (reported == config.report().batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("delivery report run failed, will retry: %s", e.toString());
        }
    }

    /** @return how many outcomes were published and marked reported */
    @Transactional
    @SuppressWarnings("unchecked")
    public int reportBatch() {
        Boolean leader = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ADVISORY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(leader)) {
            return 0;
        }
        List<Delivery> batch = em.createNativeQuery(UNREPORTED, Delivery.class)
                .setParameter(1, config.report().batchSize()).getResultList();
        List<UUID> done = new ArrayList<>();
        for (Delivery d : batch) {
            try {
                emitter.sendMessage(message(d)).await().atMost(config.report().sendTimeout());
            } catch (RuntimeException e) {
                metrics.reportFailed();
                LOG.warnf("outcome of delivery %s not reported yet: %s", d.id, e.toString());
                break; // the rest waits for the next run, in order
            }
            done.add(d.id);
        }
        if (!done.isEmpty()) {
            // a plain UPDATE: the entity's version stays, so no admin action on the row conflicts with it
            em.createNativeQuery("UPDATE delivery SET reported_at = ?1 WHERE id IN (?2)")
                    .setParameter(1, clock.instant()).setParameter(2, done).executeUpdate();
            metrics.reported(done.size());
        }
        return done.size();
    }

    static NotificationEvent event(Delivery d) {
        boolean sent = d.status == DeliveryStatus.SENT;
        // a DEAD row keeps the due time of its last attempt: the closest record of when it was given up
        Instant at = sent ? d.sentAt : d.nextAttemptAt;
        return new NotificationEvent(d.id.toString(), d.eventId.toString(), d.caseId, d.accountId, d.template,
                MailTemplates.LEGAL_ESCALATION.equals(d.template) ? NotificationEvent.Audience.LEGAL_TEAM
                        : NotificationEvent.Audience.ACCOUNT_HOLDER,
                RecipientMask.mask(d.recipient), d.locale,
                sent ? NotificationEvent.Status.SENT : NotificationEvent.Status.DEAD, d.attempts, at);
    }

    private static Message<String> message(Delivery d) {
        NotificationEvent e = event(d);
        return Message.of(WardenJson.write(e))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(d.accountId).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(e.deliveryId())
                        .withType("dev.warden.notification.v1")
                        .withSource(URI.create("urn:warden:notification-service"))
                        .withSubject(d.accountId)
                        .withTimestamp(e.occurredAt().atZone(ZoneOffset.UTC))
                        .build());
    }
}
