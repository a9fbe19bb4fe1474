package dev.warden.detection.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tracker on its own: sightings in, sizes out, windows opened and closed by event time only. */
class CampaignTrackerTest {

    /** Event time of the campaign: ten days before the records are produced, as in a replayed backlog. */
    private static final long CAMPAIGN = Instant.parse("2026-11-20T09:10:00Z").toEpochMilli();
    private static final Instant PRODUCED = Instant.parse("2026-11-30T12:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> sightings;
    private TestOutputTopic<String, String> updates;

    @BeforeEach
    void start() {
        Topology topology = new Topology();
        topology.addSource("sightings", "sightings");
        topology.addProcessor("tracker", CampaignTracker::new, "sightings");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CampaignTracker.STORE),
                Serdes.String(), Serdes.String()), "tracker");
        topology.addSink("updates", "updates", "tracker");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tracker-test");
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        driver = new TopologyTestDriver(topology, props, PRODUCED);
        sightings = driver.createInputTopic("sightings", new StringSerializer(), new StringSerializer(), PRODUCED,
                Duration.ZERO);
        updates = driver.createOutputTopic("updates", new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aLateJoinerHearsEveryEarlierSenderWhenTheBacklogIsProducedDaysLater() {
        for (int i = 1; i <= 5; i++) {
            see("acc-" + i, CAMPAIGN + i * 60_000L, PRODUCED);
        }
        updates.readRecordsToList();
        // the producer's clock moves on: record timestamps and wall clock, not the campaign's event time
        driver.advanceWallClockTime(Duration.ofMinutes(10));
        see("acc-6", CAMPAIGN + 6 * 60_000L, PRODUCED.plus(Duration.ofMinutes(10)));
        updates.readRecordsToList();
        see("acc-7", CAMPAIGN + 7 * 60_000L, PRODUCED.plus(Duration.ofMinutes(10)));

        List<CampaignUpdate> heard = updates.readValuesToList().stream().map(CampaignUpdate::parse).toList();
        assertThat(heard).as("all seven senders hear the size").hasSize(2 * 7)
                .allSatisfy(u -> assertThat(u.accounts()).isEqualTo(7));
    }

    @Test
    void aSightingForAWindowClosedByEventTimeIsIgnoredWhetherOrNotItWasCleanedUp() {
        long window = Math.floorDiv(CAMPAIGN, SightingDedupe.BUCKET_MILLIS) * SightingDedupe.BUCKET_MILLIS;
        see("acc-1", CAMPAIGN, PRODUCED);
        see("acc-2", CAMPAIGN, PRODUCED);
        // a sighting three hours later in event time closes the campaign's windows
        see("acc-9", CAMPAIGN + 3 * 3_600_000L, PRODUCED);
        updates.readRecordsToList();

        see("acc-3", CAMPAIGN, PRODUCED);
        assertThat(updates.readValuesToList()).as("too late, before the clean-up").isEmpty();

        driver.advanceWallClockTime(Duration.ofMinutes(6));
        KeyValueStore<String, String> store = driver.getKeyValueStore(CampaignTracker.STORE);
        assertThat(store.get("fp@" + window)).as("cleaned up").isNull();
        see("acc-4", CAMPAIGN, PRODUCED);
        assertThat(updates.readValuesToList()).as("too late, after the clean-up").isEmpty();
    }

    private void see(String account, long eventMillis, Instant produced) {
        sightings.pipeInput("fp", account + "\t" + eventMillis, produced);
    }
}
