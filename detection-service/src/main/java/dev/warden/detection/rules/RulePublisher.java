package dev.warden.detection.rules;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.warden.common.problem.ProblemException;
import io.smallrye.common.annotation.Identifier;
import dev.warden.contracts.Topics;
import dev.warden.contracts.json.WardenJson;

/** Writes rule versions to the compacted rules topic, waiting for the broker's acknowledgement. */
@ApplicationScoped
public class RulePublisher {

    /** Every {@code kafka.*} setting: the broker and this service's credentials. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private KafkaProducer<String, String> producer;

    public void publish(RuleDefinition rule) {
        try {
            producer().send(new ProducerRecord<>(Topics.DETECTION_RULES, rule.id(), WardenJson.write(rule)))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable("the rules topic did not acknowledge; retry");
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.putAll(kafkaConfig);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "9000");
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "8000");
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
