package dev.warden.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.warden.contracts.json.WardenJson;

/**
 * Plain Kafka producer/consumer for tests: send records and collect what a service wrote. Reads and the
 * shared client act as the super user; {@link #KafkaTestClient(KafkaPrincipal)} acts as one principal.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static KafkaTestClient shared;

    private final KafkaProducer<String, String> producer;

    /**
     * One client for the whole test JVM, created on first use; {@link WardenKafka} closes it before it
     * stops the broker, so tests neither open nor close it.
     */
    public static synchronized KafkaTestClient shared() {
        if (shared == null) {
            shared = new KafkaTestClient();
        }
        return shared;
    }

    static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** A client of the super user, which may write and read every topic. */
    public KafkaTestClient() {
        this(KafkaPrincipal.ADMIN);
    }

    /** A client that authenticates as {@code principal}: it may do what that principal's ACLs allow. */
    public KafkaTestClient(KafkaPrincipal principal) {
        Properties p = new Properties();
        p.putAll(WardenKafka.clientConfig(principal));
        // a refused write fails at once instead of waiting for metadata the principal may not see
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(p);
    }

    public void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send to " + topic + " failed", e.getCause());
        }
    }

    public void sendJson(String topic, String key, Object value) {
        send(topic, key, WardenJson.write(value));
    }

    /**
     * Reads {@code topic} from the beginning until {@code done} holds for the records matching
     * {@code filter}, or the timeout passes; returns the matching records.
     */
    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> filter,
            Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        return read(WardenKafka.adminProperties(), topic, filter, done, timeout);
    }

    /** The same on the broker that {@code client} (bootstrap and credentials) reaches. */
    public static List<ConsumerRecord<String, String>> read(Properties client, String topic,
            Predicate<ConsumerRecord<String, String>> filter, Predicate<List<ConsumerRecord<String, String>>> done,
            Duration timeout) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            // no group: every partition from its start, and the window opens only once the reader stands there
            // (a group join counted in a 2 s window could leave it no time to read, and an "is empty" check vacuous)
            List<TopicPartition> partitions = await("topic " + topic).atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(30)), found -> !found.isEmpty())
                    .stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !done.test(matched)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(r)) {
                        matched.add(r);
                    }
                }
            }
        }
        return matched;
    }

    /** Keeps reading for the whole {@code window}: use it to prove that something did NOT happen twice. */
    public static List<ConsumerRecord<String, String>> readFor(String topic,
            Predicate<ConsumerRecord<String, String>> filter, Duration window) {
        return read(topic, filter, l -> false, window);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
