package dev.warden.notify.report;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.warden.common.logging.LogSafe;
import dev.warden.common.relay.LeaseRelay;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.notification.NotificationEvent;
import dev.warden.notify.config.NotifyConfig;
import dev.warden.notify.delivery.Delivery;
import dev.warden.notify.delivery.DeliveryStatus;
import dev.warden.notify.mail.MailTemplates;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Reports the final outcome of every mail about a case on {@code warden.notifications.v1}: the delivery
 * table is its own outbox, published through the shared {@link LeaseRelay} (claimed under its own lease
 * columns, sent with no transaction open, each acknowledgement recorded as {@code reported_at} in its own
 * transaction). An account's outcomes keep their order. At least once: consumers deduplicate on deliveryId.
 */
@ApplicationScoped
public class DeliveryReporter {

    private static final Logger LOG = Logger.getLogger(DeliveryReporter.class);

    @Inject
    ReportStore store;

    @Inject
    @Channel("notifications")
    MutinyEmitter<String> emitter;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private LeaseRelay<Delivery> relay;

    @PostConstruct
    void init() {
        relay = new LeaseRelay<>("delivery-report", store, d -> emitter.sendMessage(message(d)),
                new LeaseRelay.Settings(config.report().lease(), config.report().batchSize(),
                        config.report().sendTimeout()), clock, registry, Infrastructure.getDefaultWorkerPool());
    }

    @Scheduled(every = "${warden.notify.report.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            reportBatch();
        } catch (RuntimeException e) {
            LOG.warnf("delivery report run failed, will retry: %s", LogSafe.text(e));
        }
    }

    /** Claims unreported outcomes and starts publishing them; returns without waiting for acknowledgements. */
    public int reportBatch() {
        return relay.poll(config.report().batchSize());
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
