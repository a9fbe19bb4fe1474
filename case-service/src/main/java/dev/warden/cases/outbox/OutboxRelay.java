package dev.warden.cases.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.warden.common.logging.LogSafe;
import dev.warden.cases.config.OutboxConfig;
import dev.warden.common.relay.LeaseRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes outbox events through the shared {@link LeaseRelay}: claimed under a lease, sent with no
 * transaction open, each acknowledgement recorded in its own transaction. Events of an account keep
 * their order (across instances too); accounts go in parallel. At least once: a crash between the
 * broker's acknowledgement and the record publishes the event again, with the same event id, after
 * its lease expires; consumers deduplicate on it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxStore store;

    @Inject
    @Channel("enforcement")
    MutinyEmitter<String> emitter;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private LeaseRelay<OutboxEvent> relay;

    @PostConstruct
    void init() {
        relay = new LeaseRelay<>("outbox", store, e -> emitter.sendMessage(message(e)),
                new LeaseRelay.Settings(config.lease(), config.batchSize(), config.sendTimeout()), clock, registry,
                Infrastructure.getDefaultWorkerPool());
    }

    @Scheduled(every = "${warden.outbox.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            relay.poll(config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay run failed, will retry: %s", LogSafe.text(e));
        }
    }

    /** Claims and starts publishing; returns without waiting for acknowledgements. */
    public int publishBatch() {
        return relay.poll(config.batchSize());
    }

    /** The record an event is published as; the same on every attempt (CloudEvents id = event id). */
    static Message<String> message(OutboxEvent e) {
        return Message.of(e.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(e.eventKey).withTopic(e.topic).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(e.eventId.toString())
                        .withType(e.eventType)
                        .withSource(URI.create("urn:warden:case-service"))
                        .withSubject(e.eventKey)
                        .withTimestamp(e.createdAt.atZone(ZoneOffset.UTC))
                        .build());
    }
}
