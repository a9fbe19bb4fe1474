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
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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
    private TestInputTopic<String, Sighting> sightings;
    private TestOutputTopic<String, CampaignUpdate> updates;

    @BeforeEach
    void start() {
        Topology topology = new Topology();
        topology.addSource("sightings", new StringDeserializer(), new SightingSerde().deserializer(), "sightings");
        topology.addProcessor("tracker", CampaignTracker::new, "sightings");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CampaignTracker.STORE),
                Serdes.String(), new CampaignMembersSerde()), "tracker");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(
                CampaignTracker.EVENT_TIME_STORE), Serdes.String(), Serdes.Long()), "tracker");
        topology.addSink("updates", "updates", new StringSerializer(), new CampaignUpdateSerde().serializer(), "tracker");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tracker-test");
        driver = new TopologyTestDriver(topology, props, PRODUCED);
        sightings = driver.createInputTopic("sightings", new StringSerializer(), new SightingSerde().serializer(),
                PRODUCED, Duration.ZERO);
        updates = driver.createOutputTopic("updates", new StringDeserializer(), new CampaignUpdateSerde().deserializer());
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

        List<CampaignUpdate> heard = updates.readValuesToList();
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
        KeyValueStore<String, CampaignMembers> store = driver.getKeyValueStore(CampaignTracker.STORE);
        assertThat(store.get("fp@" + window)).as("cleaned up").isNull();
        see("acc-4", CAMPAIGN, PRODUCED);
        assertThat(updates.readValuesToList()).as("too late, after the clean-up").isEmpty();
    }

    @Test
    void aRestartedTrackerReadsTheNewestEventTimeFromItsStoreSoAClosedWindowStaysClosed() {
        MockProcessorContext<String, CampaignUpdate> context = new MockProcessorContext<>();
        KeyValueStore<String, CampaignMembers> members = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CampaignTracker.STORE), Serdes.String(), new CampaignMembersSerde())
                .withLoggingDisabled().build();
        KeyValueStore<String, Long> eventTime = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CampaignTracker.EVENT_TIME_STORE), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        for (KeyValueStore<String, ?> store : List.of(members, eventTime)) {
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        CampaignTracker before = new CampaignTracker();
        before.init(context);
        before.process(new Record<>("fp", new Sighting("acc-1", CAMPAIGN), 0L));
        before.process(new Record<>("fp", new Sighting("acc-2", CAMPAIGN), 0L));
        before.process(new Record<>("fp", new Sighting("acc-9", CAMPAIGN + 3 * 3_600_000L), 0L)); // closes them
        context.resetForwards();

        CampaignTracker restarted = new CampaignTracker(); // only the stores carry over, as from their changelogs
        restarted.init(context);
        restarted.process(new Record<>("fp", new Sighting("acc-3", CAMPAIGN), 0L));

        assertThat(context.forwarded()).as("the campaign's windows stay closed").isEmpty();
        assertThat(members.get("fp@" + window(CAMPAIGN)).size()).as("and unchanged").isEqualTo(2);
    }

    private static long window(long at) {
        return Math.floorDiv(at, SightingDedupe.BUCKET_MILLIS) * SightingDedupe.BUCKET_MILLIS;
    }

    private void see(String account, long eventMillis, Instant produced) {
        sightings.pipeInput("fp", new Sighting(account, eventMillis), produced);
    }
}
