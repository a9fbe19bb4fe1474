package dev.warden.detection.rules;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.warden.common.problem.ProblemException;
import dev.warden.contracts.Topics;
import dev.warden.contracts.json.WardenJson;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Writes rule records to the compacted rules topic through the {@code detection-rules} channel (acks=all,
 * idempotent: see application.properties) and waits for the broker's acknowledgement. A backtest uses
 * the same channel for its own per-run topics.
 */
@ApplicationScoped
public class RulePublisher {

    /** A little over the channel's delivery.timeout.ms: the producer answers first. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(10);

    @Inject
    @Channel("detection-rules")
    MutinyEmitter<String> emitter;

    public void publish(RuleRecord record) {
        publish(Topics.DETECTION_RULES, record.key(), WardenJson.write(record));
    }

    public void publish(String topic, String key, String value) {
        Message<String> message = Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).build());
        try {
            emitter.sendMessage(message).await().atMost(ACK_WAIT);
        } catch (RuntimeException e) {
            throw ProblemException.unavailable("the rules topic did not acknowledge the write; retry");
        }
    }
}
