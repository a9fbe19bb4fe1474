package dev.warden.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.testsupport.KafkaPrincipal;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenKafka;

/** The Kafka sink on a real broker, as the messaging platform's principal (the local platform sends this way). */
class EventSinkTest {

    @Test
    void kafkaSinkDeliversEveryEventKeyedByItsAccount() throws IOException {
        String run = "sink" + UUID.randomUUID().toString().substring(0, 8);
        Scenario scenario = Scenario.defaults(7, 20, Instant.parse("2026-01-01T00:00:00Z"))
                .withRun(run);
        List<ActivityEvent> events = new ArrayList<>();
        new TrafficGenerator(scenario).generate(events::add, l -> { });
        EventSink.ToKafka sink = new EventSink.ToKafka(platform(), Topics.ACTIVITY);
        try (sink) {
            events.forEach(sink);
        }
        assertThat(sink.acknowledged()).isEqualTo(events.size());
        List<ConsumerRecord<String, String>> read = KafkaTestClient.read(Topics.ACTIVITY, r -> r.key().contains(run),
                l -> l.size() >= events.size(), Duration.ofSeconds(60));
        assertThat(read).hasSize(events.size())
                .allSatisfy(r -> assertThat(WardenJson.read(r.value(), ActivityEvent.class).accountId()).isEqualTo(r.key()));
    }

    @Test
    void closingFailsWhenTheBrokerRefusedEvents() {
        Properties client = platform();
        client.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        EventSink.ToKafka sink = new EventSink.ToKafka(client, Topics.SIGNALS);   // the platform may not write signals
        List<ActivityEvent> events = new ArrayList<>();
        new TrafficGenerator(Scenario.defaults(7, 1, Instant.parse("2026-01-01T00:00:00Z"))).generate(events::add, l -> { });
        sink.accept(events.get(0));
        assertThatThrownBy(sink::close).isInstanceOf(IOException.class).hasMessageStartingWith("1 events could not be sent");
        assertThat(sink.acknowledged()).isZero();
    }

    private static Properties platform() {
        Properties p = new Properties();
        p.putAll(WardenKafka.clientConfig(KafkaPrincipal.PLATFORM));
        return p;
    }
}
