package dev.warden.notify.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.notify.Events;
import dev.warden.notify.delivery.ConsumedEvent;
import dev.warden.notify.delivery.Delivery;
import dev.warden.notify.delivery.DeliveryStatus;
import dev.warden.testsupport.WardenKafka;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Not part of the test suite (surefire runs *Test classes only). Run it on purpose:
 * <pre>./mvnw -B verify -pl notification-service -am -DskipITs -Dtest=NotificationThroughputBenchmark
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dwarden.bench.events=2000] [-Dwarden.bench.seconds=15]</pre>
 * Phase 1 (capacity): a burst of events through Kafka → planner → dispatcher → SMTP (GreenMail), mails/s.
 * Phase 2 (latency): events paced at 80 % of that capacity; delay from producing the event to the SMTP
 * server's acceptance (the delivery's {@code sent_at}), p50/p99. The relay rate limit is lifted so the
 * service itself is measured; the production limit is whatever {@code warden.notify.rate-limit.*} says.
 */
@QuarkusTest
@TestProfile(NotificationThroughputBenchmark.Unlimited.class)
class NotificationThroughputBenchmark {

    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("warden.notify.rate-limit.per-second", "1000000", "warden.notify.rate-limit.burst", "100000",
                    "warden.notify.batch-size", "200", "warden.notify.dispatch-interval", "20ms",
                    "quarkus.log.category.\"dev.warden.notify\".level", "WARN");
        }
    }

    @Test
    void mailsPerSecondAndEventToSmtpDelay() {
        int events = Integer.getInteger("warden.bench.events", 1500);
        int seconds = Integer.getInteger("warden.bench.seconds", 10);
        try (KafkaProducer<String, String> producer = producer()) {
            run("warm-up", producer, 200, 0);
            Result burst = run("capacity", producer, events, 0);
            double rate = burst.mailsPerSecond() * 0.8;
            Result paced = run("latency", producer, (int) Math.max(100, rate * seconds), rate);

            System.out.printf("%n==== notification-service benchmark (events → Kafka → planner → dispatcher → GreenMail) ====%n");
            burst.print();
            paced.print();
            System.out.printf("==== %d mails accepted by SMTP in total ====%n%n", WardenSmtp.received().size());
            assertThat(paced.count()).isPositive();
        }
    }

    private Result run(String phase, KafkaProducer<String, String> producer, int n, double perSecond) {
        String prefix = "bench-" + phase + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<UUID, Instant> produced = new HashMap<>(n * 2);
        long start = System.nanoTime();
        Instant t0 = Instant.now();
        for (int i = 0; i < n; i++) {
            if (perSecond > 0) {
                long due = start + (long) (i * 1_000_000_000d / perSecond);
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            String account = prefix + i;
            EnforcementEvent e = Events.of(i % 2 == 0 ? EnforcementAction.BANNED : EnforcementAction.WARNED, account,
                    account + "@example.org", i % 3 == 0 ? "de" : "en");
            produced.put(UUID.fromString(e.eventId()), Instant.now());
            producer.send(new ProducerRecord<>(Topics.ENFORCEMENT, account, WardenJson.write(e)));
        }
        producer.flush();
        List<Delivery> sent = await().atMost(Duration.ofSeconds(110)).pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list(
                        "accountId like ?1 and status = ?2", prefix + "%", DeliveryStatus.SENT)), l -> l.size() == n);
        List<Long> delays = new ArrayList<>(n);
        Instant last = t0;
        for (Delivery d : sent) {
            delays.add(Duration.between(produced.get(d.eventId), d.sentAt).toMillis());
            last = d.sentAt.isAfter(last) ? d.sentAt : last;
        }
        delays.sort(Long::compare);
        double secs = Duration.between(t0, last).toNanos() / 1e9;
        Instant lastPlanned = QuarkusTransaction.requiringNew().call(() -> ConsumedEvent.<ConsumedEvent>find(
                "accountId like ?1", prefix + "%").stream().map(c -> c.consumedAt).max(Instant::compareTo).orElseThrow());
        double planSecs = Duration.between(t0, lastPlanned).toNanos() / 1e9;
        return new Result(phase, n, perSecond, n / planSecs, n / secs, delays.get(n / 2),
                delays.get((int) Math.ceil(n * 0.99) - 1), delays.get(n - 1));
    }

    record Result(String phase, int count, double offered, double plannedPerSecond, double mailsPerSecond, long p50,
            long p99, long max) {
        void print() {
            System.out.printf("%-9s %5d mails  offered %s  planned %7.1f ev/s  sent %7.1f mails/s  "
                    + "event→SMTP p50 %5d ms  p99 %5d ms  max %5d ms%n", phase, count,
                    offered > 0 ? String.format("%6.1f/s", offered) : " burst  ", plannedPerSecond, mailsPerSecond,
                    p50, p99, max);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = WardenKafka.adminProperties();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        return new KafkaProducer<>(p);
    }
}
