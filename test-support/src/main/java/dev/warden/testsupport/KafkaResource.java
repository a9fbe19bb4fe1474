package dev.warden.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a Quarkus app at the JVM's real Kafka broker, with a fresh Kafka Streams state dir per start. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(WardenKafka.quarkusConfig());
        try {
            // state from an earlier broker gives OffsetOutOfRange/TaskCorrupted: never reuse it
            config.put("kafka-streams.state.dir", Files.createTempDirectory("warden-streams").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // a packaged app (@QuarkusIntegrationTest) gets a random API port but would keep the fixed
        // management port: it could clash, and a random/fixed mix fails Quarkus' HTTP metrics at start-up
        config.put("quarkus.management.port", "0");
        return config;
    }

    @Override
    public void stop() {
        // the broker lives for the whole JVM (see WardenKafka)
    }
}
