package dev.warden.detection.rules.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.warden.common.problem.ProblemException;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import io.smallrye.common.annotation.Identifier;

/**
 * Reads the signals a topic holds for a period, by record timestamp (the triggering event's), from the
 * first offset at or after {@code from} up to the end the topic had when the read began. No consumer
 * group: nothing is committed and no production consumer is affected.
 */
@ApplicationScoped
public class SignalReader {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration GIVE_UP = Duration.ofMinutes(2);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    public List<DetectionSignal> read(String topic, Instant from, Instant to) {
        List<DetectionSignal> signals = new ArrayList<>();
        values(topic, from, to).forEach(v -> read(v, signals));
        return signals;
    }

    /** The values of the records {@code topic} holds for the period, in partition order (any topic of JSON). */
    public List<String> values(String topic, Instant from, Instant to) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(query);
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp o = start.get(p);
                consumer.seek(p, o == null ? end.get(p) : o.offset());
            }
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw ProblemException.unavailable("reading " + topic + " took too long; narrow the period");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    if (r.value() != null && r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))
                            && r.timestamp() >= from.toEpochMilli() && r.timestamp() < to.toEpochMilli()) {
                        values.add(r.value());
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw ProblemException.unavailable("cannot read " + topic + ": " + e.getMessage());
        }
        return values;
    }

    /** A record that is not a signal (it would have gone to the DLQ downstream) is not counted. */
    private static void read(String json, List<DetectionSignal> into) {
        try {
            into.add(WardenJson.read(json, DetectionSignal.class));
        } catch (IllegalArgumentException e) {
            // skipped
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
