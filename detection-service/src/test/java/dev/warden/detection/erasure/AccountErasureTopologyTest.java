package dev.warden.detection.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.contracts.erasure.ErasureEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.account.AccountStateSerde;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.detection.topology.ActivityTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The real topology in a TopologyTestDriver: erasures delete an account's state for good. */
class AccountErasureTopologyTest {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final TopologyTestDriver driver = driver();
    private final TestInputTopic<String, String> activity = driver.createInputTopic(Topics.ACTIVITY,
            new StringSerializer(), new StringSerializer());
    private final TestInputTopic<String, String> erasures = driver.createInputTopic(Topics.ERASURES,
            new StringSerializer(), new StringSerializer());
    private final TestOutputTopic<String, byte[]> erasuresDlq = driver.createOutputTopic(Topics.ERASURES_DLQ,
            new StringDeserializer(), new ByteArrayDeserializer());

    private static TopologyTestDriver driver() {
        DetectionConfig config = new SmallRyeConfigBuilder().withMapping(DetectionConfig.class).build()
                .getConfigMapping(DetectionConfig.class);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "erasure-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("erasure-test").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new TopologyTestDriver(new ActivityTopology().buildTopology(config,
                Clock.fixed(T0.plus(Duration.ofDays(2)), ZoneOffset.UTC), new SimpleMeterRegistry()), props);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void registered(String account, String email, Instant at) {
        send(ActivityEvent.builder(UUID.randomUUID().toString(), account, ActivityType.ACCOUNT_REGISTERED, at)
                .accountType(AccountType.PRIVATE).clientType(ClientType.OFFICIAL_APP).contactEmail(email).locale("de")
                .country("DE").build());
    }

    private void messaged(String account, Instant at) {
        send(ActivityEvent.builder(UUID.randomUUID().toString(), account, ActivityType.MESSAGE_SENT, at)
                .clientType(ClientType.OFFICIAL_APP).chatType(ChatType.DIRECT).recipientCount(1).recipientsInContacts(0)
                .contentFingerprint("f" + UUID.randomUUID().toString().replace("-", "")).forwardCount(0).isReply(false)
                .build());
    }

    private void send(ActivityEvent e) {
        activity.pipeInput(e.accountId(), WardenJson.write(e));
    }

    private void erase(String account, Instant at) {
        erasures.pipeInput(account, WardenJson.write(new ErasureEvent(UUID.randomUUID().toString(), account,
                ErasureEvent.Cause.REQUEST, at)));
    }

    private AccountState state(String account) {
        KeyValueStore<String, AccountState> store = driver.getKeyValueStore(ActivityTopology.ACCOUNT_STORE);
        return store.get(account);
    }

    /** Every key-value store of the topology whose keys or serialized values hold the needle. */
    private List<String> storesHolding(String needle) {
        List<String> found = new ArrayList<>();
        for (String name : driver.getAllStateStores().keySet()) {
            KeyValueStore<Object, Object> store = driver.getKeyValueStore(name);
            if (store == null) {
                continue;
            }
            try (KeyValueIterator<Object, Object> all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<Object, Object> kv = all.next();
                    String value = kv.value instanceof AccountState s
                            ? new String(AccountStateSerde.write(s), StandardCharsets.ISO_8859_1) : String.valueOf(kv.value);
                    if (String.valueOf(kv.key).contains(needle) || value.contains(needle)) {
                        found.add(name);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void erasureDeletesTheAccountsStateAndAReplayedRegistrationBringsNothingBack() {
        String account = "acc-erased-" + UUID.randomUUID();
        String email = account + "@example.org";
        String kept = "acc-kept-" + UUID.randomUUID();
        registered(account, email, T0);
        messaged(account, T0.plusSeconds(60));
        registered(kept, kept + "@example.org", T0);
        assertThat(storesHolding(email)).containsExactly(ActivityTopology.ACCOUNT_STORE);

        Instant erasedAt = T0.plus(Duration.ofHours(1));
        erase(account, erasedAt);
        assertThat(state(account)).isNull();
        assertThat(storesHolding(email)).isEmpty();
        assertThat(state(kept).contactEmail).isEqualTo(kept + "@example.org");

        // the platform's history replayed: nothing from before the erasure comes back
        registered(account, email, T0);
        messaged(account, T0.plusSeconds(120));
        assertThat(state(account)).isNull();
        assertThat(storesHolding(email)).isEmpty();

        // a registration after the erasure is new data; a replayed erasure does not delete it
        registered(account, "new-" + email, erasedAt.plusSeconds(60));
        erase(account, erasedAt);
        assertThat(state(account).contactEmail).isEqualTo("new-" + email);
        assertThat(storesHolding(email)).containsExactly(ActivityTopology.ACCOUNT_STORE); // the new address only
        assertThat(storesHolding("new-" + email)).containsExactly(ActivityTopology.ACCOUNT_STORE);
    }

    /**
     * A task takes its inputs as they arrive (max.task.idle.ms=-1), so an erasure can come after activity newer than
     * itself. It then forgets that activity too: an erasure errs towards forgetting, never towards keeping.
     */
    @Test
    void erasureThatArrivesAfterNewerActivityForgetsThatActivityToo() {
        String account = "acc-late-erasure-" + UUID.randomUUID();
        String email = account + "@example.org";
        Instant erasedAt = T0.plus(Duration.ofHours(1));
        registered(account, email, T0);
        messaged(account, erasedAt.plusSeconds(30));

        erase(account, erasedAt);
        assertThat(state(account)).isNull();
        assertThat(storesHolding(email)).isEmpty();

        messaged(account, erasedAt.plusSeconds(90)); // after the erasure, in order: kept as new data
        assertThat(state(account)).isNotNull();
        assertThat(state(account).contactEmail).isNull();
    }

    @Test
    void deadLettersErasuresItCannotReadWithTheReason() {
        erasures.pipeInput("acc-1", "<xml/>");
        erasures.pipeInput("acc-2", WardenJson.write(new ErasureEvent(UUID.randomUUID().toString(), "acc-other",
                ErasureEvent.Cause.REQUEST, T0)));

        assertThat(erasuresDlq.readRecordsToList()).extracting(r -> new String(
                r.headers().lastHeader(Topics.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8))
                .satisfiesExactly(r -> assertThat(r).startsWith("not an erasure event"),
                        r -> assertThat(r).isEqualTo("erasure event's accountId is not its key"));
    }
}
