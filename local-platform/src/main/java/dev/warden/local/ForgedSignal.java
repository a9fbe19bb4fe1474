package dev.warden.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.warden.contracts.Topics;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.KafkaPrincipal;

/**
 * What anyone who reaches the broker would try: a conclusive signal banning an account and mailing an
 * address of the writer's choosing. Without credentials the broker does not talk to the client; as the
 * platform it refuses the write; the topic holds nothing for the account and nobody is banned.
 */
final class ForgedSignal {

    private ForgedSignal() {
    }

    static void check(Checks checks, String run) throws Exception {
        String victim = "acc:" + run + ":forged-victim";
        String signal = WardenJson.write(signal(victim, Instant.now()));
        Properties anonymous = new Properties();
        anonymous.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Endpoints.kafka());
        String withoutCredentials = send(anonymous, victim, signal);
        String asPlatform = send(Endpoints.kafkaClient(KafkaPrincipal.PLATFORM), victim, signal);
        long onTopic = recordsFor(Topics.SIGNALS, victim);
        boolean banned;
        try (PlatformState platform = new PlatformState(victim)) {
            banned = platform.isBanned(victim);
        }
        checks.check("forged signal refused, nobody banned",
                withoutCredentials != null && asPlatform != null && asPlatform.contains("TopicAuthorization")
                        && onTopic == 0 && !banned,
                "no credentials -> " + withoutCredentials + "; as platform -> " + asPlatform + "; records for " + victim
                        + " on " + Topics.SIGNALS + ": " + onTopic + ", banned: " + (banned ? 1 : 0));
    }

    /** A signal conclusive enough for an automatic ban, with the attacker's own address as contact. */
    static DetectionSignal signal(String victim, Instant now) {
        return new DetectionSignal(UUID.randomUUID().toString(), victim, Violation.BULK_MESSAGING, 0.99,
                "registration-burst", 1, new DetectionSignal.Window(now.minusSeconds(60), now), Map.of(), List.of(),
                List.of(), new DetectionSignal.AccountContext("PRIVATE", null, null, null, "attacker@example.org", "en"),
                "forged", now, now);
    }

    /** Sends one record; returns why it failed, or null if the broker took it. */
    private static String send(Properties config, String key, String value) {
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 8_000);
        try (KafkaProducer<String, String> p = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(Topics.SIGNALS, key, value)).get(15, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause().getClass().getSimpleName();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    /** How many records keyed {@code key} the topic holds (read as the admin, from the beginning). */
    private static long recordsFor(String topic, String key) {
        long n = 0;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Endpoints.kafkaClient(KafkaPrincipal.ADMIN),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    n += key.equals(r.key()) ? 1 : 0;
                }
            }
        }
        return n;
    }
}
