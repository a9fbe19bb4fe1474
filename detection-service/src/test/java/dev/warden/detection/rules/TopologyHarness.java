package dev.warden.detection.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.contracts.activity.ReportReason;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.topology.ActivityTopology;
import dev.warden.detection.campaign.Sighting;
import dev.warden.detection.campaign.SightingSerde;
import dev.warden.detection.config.DetectionConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The real topology in a TopologyTestDriver, with event builders for the rule-edge tests. */
final class TopologyHarness implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<String, String> activity;
    final TestInputTopic<String, String> rules;
    final TestOutputTopic<String, String> signals;
    final TestOutputTopic<String, byte[]> dlq;
    /** The internal repartition topic the campaign tracker reads: (fingerprint, sighting). */
    final TestOutputTopic<String, Sighting> fingerprintSightings;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    TopologyHarness() {
        DetectionConfig config = new SmallRyeConfigBuilder().withMapping(DetectionConfig.class).build()
                .getConfigMapping(DetectionConfig.class);
        Clock clock = Clock.fixed(T0.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            // never the shared default /tmp/kafka-streams: parallel builds would trip over each other
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("topology-test").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        driver = new TopologyTestDriver(new ActivityTopology().buildTopology(config, clock, metrics), props);
        activity = driver.createInputTopic(Topics.ACTIVITY, new StringSerializer(), new StringSerializer());
        rules = driver.createInputTopic(Topics.DETECTION_RULES, new StringSerializer(), new StringSerializer());
        signals = driver.createOutputTopic(Topics.SIGNALS, new StringDeserializer(), new StringDeserializer());
        dlq = driver.createOutputTopic(Topics.ACTIVITY_DLQ, new StringDeserializer(), new ByteArrayDeserializer());
        fingerprintSightings = driver.createOutputTopic("test-fingerprint-repartition", new StringDeserializer(),
                new SightingSerde().deserializer());
    }

    /** A rule version as the admin API writes it to the rules topic. */
    static RuleRecord written(RuleDefinition rule) {
        return new RuleRecord(rule, RuleStatus.ACTIVE, "test-admin", T0, null, null);
    }

    void send(ActivityEvent e) {
        activity.pipeInput(e.accountId(), WardenJson.write(e));
    }

    List<DetectionSignal> signals() {
        return signals.readValuesToList().stream().map(v -> WardenJson.read(v, DetectionSignal.class)).toList();
    }

    /** The account's state as the detector left it. */
    AccountState state(String account) {
        KeyValueStore<String, AccountState> store = driver.getKeyValueStore(ActivityTopology.ACCOUNT_STORE);
        return store.get(account);
    }

    static ActivityEvent registered(String account, Instant at, AccountType type, ClientType client) {
        return ActivityEvent.builder(UUID.randomUUID().toString(), account, ActivityType.ACCOUNT_REGISTERED, at)
                .accountType(type).clientType(client).build();
    }

    static ActivityEvent message(String account, Instant at, ChatType chat, int recipients, int inContacts,
            String fingerprint, boolean reply, ClientType client) {
        return ActivityEvent.builder(UUID.randomUUID().toString(), account, ActivityType.MESSAGE_SENT, at)
                .clientType(client).chatType(chat).recipientCount(recipients).recipientsInContacts(inContacts)
                .contentFingerprint(fingerprint).forwardCount(0).isReply(reply).build();
    }

    static ActivityEvent toStranger(String account, Instant at, String fingerprint) {
        return message(account, at, ChatType.DIRECT, 1, 0, fingerprint, false, ClientType.OFFICIAL_APP);
    }

    static ActivityEvent toContact(String account, Instant at, ClientType client) {
        return message(account, at, ChatType.DIRECT, 1, 1, UUID.randomUUID().toString().replace("-", ""), false,
                client);
    }

    static ActivityEvent report(String account, Instant at, String reporter) {
        return ActivityEvent.builder(UUID.randomUUID().toString(), account, ActivityType.USER_REPORT, at)
                .reporterAccountId(reporter).reportReason(ReportReason.SPAM).build();
    }

    @Override
    public void close() {
        driver.close();
    }
}
