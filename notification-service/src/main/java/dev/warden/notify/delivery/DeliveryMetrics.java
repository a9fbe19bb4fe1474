package dev.warden.notify.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Delivery outcomes for Prometheus: sent, failed (will retry), dead, queue depth (PENDING + FAILED) and
 * SMTP send latency; the relays' own figures are {@code warden.relay.*}. Registered up front so dashboards
 * see zeros rather than gaps.
 */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    MeterRegistry registry;

    private final AtomicLong queueDepth = new AtomicLong();
    private final Map<String, Counter> sentByTemplate = new ConcurrentHashMap<>();
    private Counter failed;
    private Counter dead;
    private Timer latency;

    @PostConstruct
    void register() {
        registry.gauge("warden.mail.queue.depth", queueDepth);
        failed = registry.counter("warden.mail.failed");
        dead = registry.counter("warden.mail.dead");
        latency = Timer.builder("warden.mail.send.latency").publishPercentiles(0.5, 0.99).register(registry);
    }

    void sent(String template, Duration took) {
        sentByTemplate.computeIfAbsent(template, t -> registry.counter("warden.mail.sent", "template", t)).increment();
        latency.record(took);
    }

    void failed() {
        failed.increment();
    }

    void dead() {
        dead.increment();
    }

    /** Counted in the database, not in memory: every instance reports the shared queue. */
    void refreshQueueDepth() {
        queueDepth.set(QuarkusTransaction.requiringNew().call(() -> Delivery.count("status in ?1",
                DeliveryStatus.QUEUED)));
    }

    public long queueDepth() {
        return queueDepth.get();
    }
}
