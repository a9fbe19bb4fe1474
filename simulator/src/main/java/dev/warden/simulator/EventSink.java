package dev.warden.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.json.WardenJson;

/** Where generated events go. */
public interface EventSink extends Consumer<ActivityEvent>, AutoCloseable {

    @Override
    void close() throws IOException;

    /** Keyed by account id, as the contract requires; {@link #close()} fails if any event was not acknowledged. */
    final class ToKafka implements EventSink {
        private final KafkaProducer<String, String> producer;
        private final String topic;
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

        /** {@code client}: bootstrap servers and authentication; anything else in it overrides the defaults here. */
        public ToKafka(Properties client, String topic) {
            Properties p = new Properties();
            p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
            p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            p.putAll(client);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            this.producer = new KafkaProducer<>(p);
            this.topic = topic;
        }

        @Override
        public void accept(ActivityEvent e) {
            producer.send(new ProducerRecord<>(topic, e.accountId(), WardenJson.write(e)), (md, ex) -> {
                if (ex == null) {
                    acknowledged.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, ex);
                }
            });
        }

        /** Events the broker has acknowledged so far. */
        public long acknowledged() {
            return acknowledged.get();
        }

        @Override
        public void close() throws IOException {
            producer.flush();
            producer.close();
            if (failed.get() > 0) {
                throw new IOException(failed.get() + " events could not be sent to Kafka (first: "
                        + firstFailure.get().getMessage() + ")", firstFailure.get());
            }
        }
    }

    final class ToFile implements EventSink {
        private final BufferedWriter out;

        public ToFile(Path file) throws IOException {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        @Override
        public void accept(ActivityEvent e) {
            line(out, WardenJson.write(e));
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Writes one JSON line. */
    static void line(BufferedWriter out, String json) {
        try {
            out.write(json);
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
