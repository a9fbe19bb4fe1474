package dev.warden.cases.outbox;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.warden.cases.config.OutboxConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes outbox events in id order. A PostgreSQL advisory lock makes one instance the publisher at
 * a time, so events of an account keep their order across instances. Each event is acknowledged by
 * the broker before it is marked published; a broker outage rolls the run back and the next run
 * retries (at-least-once; consumers deduplicate on eventId).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x5741_5244_454eL; // "WARDEN"

    @Inject
    EntityManager em;

    @Inject
    @Channel("enforcement")
    MutinyEmitter<String> emitter;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    // looked up once, not on every run of the relay
    private Counter publishedCount;
    private Counter failedCount;

    @PostConstruct
    void counters() {
        publishedCount = metrics.counter("warden.outbox.published");
        failedCount = metrics.counter("warden.outbox.failed");
    }

    @Scheduled(every = "${warden.outbox.interval:250ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            int published;
            do {
                published = publishBatch();
            } while (published == config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay run failed, will retry: %s", e.toString());
        }
    }

    /** @return how many events were published */
    @Transactional
    public int publishBatch() {
        Boolean leader = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ADVISORY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(leader)) {
            return 0;
        }
        List<OutboxEvent> batch = OutboxEvent.find("publishedAt is null order by id").page(0, config.batchSize())
                .list();
        int done = 0;
        for (OutboxEvent e : batch) {
            try {
                emitter.sendMessage(message(e)).await().atMost(config.sendTimeout());
            } catch (RuntimeException ex) {
                e.attempts++;
                e.lastError = ex.toString(); // a send timeout has no message, only its type
                failedCount.increment();
                LOG.warnf("outbox event %s not published yet: %s", e.eventId, ex.toString());
                break; // keep per-account order: nothing after a failed event goes out before it
            }
            e.publishedAt = clock.instant();
            e.attempts++;
            done++;
        }
        if (done > 0) {
            publishedCount.increment(done);
        }
        return done;
    }

    private static Message<String> message(OutboxEvent e) {
        return Message.of(e.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(e.eventKey).withTopic(e.topic).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(e.eventId.toString())
                        .withType(e.eventType)
                        .withSource(URI.create("urn:warden:case-service"))
                        .withSubject(e.eventKey)
                        .withTimestamp(e.createdAt.atZone(java.time.ZoneOffset.UTC))
                        .build());
    }
}
