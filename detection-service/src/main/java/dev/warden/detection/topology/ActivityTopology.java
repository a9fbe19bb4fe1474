package dev.warden.detection.topology;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEventParser;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.account.AccountStateSerde;
import dev.warden.detection.account.LiveAccountStore;
import dev.warden.detection.activity.ActivityValidator;
import dev.warden.detection.activity.ValidatedActivity;
import dev.warden.detection.campaign.CampaignMembersSerde;
import dev.warden.detection.campaign.CampaignSightings;
import dev.warden.detection.campaign.CampaignTracker;
import dev.warden.detection.campaign.CampaignUpdate;
import dev.warden.detection.campaign.CampaignUpdateSerde;
import dev.warden.detection.campaign.SightingSerde;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.detection.erasure.AccountEraser;
import dev.warden.detection.erasure.ErasedAccounts;
import dev.warden.detection.erasure.ErasureGate;
import dev.warden.detection.rules.AccountDetector;
import dev.warden.detection.rules.RuleBook;
import dev.warden.detection.rules.RuleCatalog;
import dev.warden.detection.rules.RuleChanges;
import dev.warden.detection.rules.RuleStoreUpdater;
import dev.warden.detection.rules.shadow.ShadowEvaluator;
import dev.warden.detection.rules.shadow.ShadowTopology;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * activity → validate → (rejected → DLQ | accepted → per-account state + rules → signals).
 * Messages to strangers also go through a repartition by content fingerprint, whose tracker feeds
 * "n accounts send this" back to each account (coordinated campaigns). Rules come from a global store
 * over the compacted rules topic, so every instance applies a change without restart. Account and
 * fingerprint state live in persistent, changelogged stores: a restart or rebalance loses nothing.
 * Shadow rule versions run in one branch after the live detector and write to their own topic.
 */
@ApplicationScoped
public class ActivityTopology {

    public static final String ACCOUNT_STORE = AccountState.STORE;
    public static final String RULES_STORE = RuleBook.STORE;

    /**
     * Where the topology reads and writes; tests, benchmarks and backtests may run it on their own topics.
     * {@code shadowSignals} null: no shadow branch (a backtest runs its candidates as the active rules).
     */
    public record TopicNames(String activity, String dlq, String signals, String rules, String shadowSignals,
            String erasures) {
        public static final TopicNames WARDEN = new TopicNames(Topics.ACTIVITY, Topics.ACTIVITY_DLQ, Topics.SIGNALS,
                Topics.DETECTION_RULES, Topics.SIGNALS_SHADOW, Topics.ERASURES);

        /** {@code erasures} null: no erasure branch (backtests replay history into their own stores). */
        public TopicNames(String activity, String dlq, String signals, String rules, String shadowSignals) {
            this(activity, dlq, signals, rules, shadowSignals, null);
        }

        public TopicNames(String activity, String dlq, String signals) {
            this(activity, dlq, signals, Topics.DETECTION_RULES, Topics.SIGNALS_SHADOW);
        }
    }

    /** The application's topology: it shares {@code ruleChanges} with the admin API, which waits on it. */
    @Produces
    public Topology buildTopology(DetectionConfig config, Clock clock, MeterRegistry metrics, RuleChanges ruleChanges) {
        return buildTopology(config, clock, metrics, TopicNames.WARDEN, ruleChanges);
    }

    public Topology buildTopology(DetectionConfig config, Clock clock, MeterRegistry metrics) {
        return buildTopology(config, clock, metrics, TopicNames.WARDEN, new RuleChanges());
    }

    public Topology buildTopology(DetectionConfig config, Clock clock, MeterRegistry metrics, TopicNames topics) {
        return buildTopology(config, clock, metrics, topics, new RuleChanges(), false);
    }

    public Topology buildTopology(DetectionConfig config, Clock clock, MeterRegistry metrics, TopicNames topics,
            RuleChanges ruleChanges) {
        return buildTopology(config, clock, metrics, topics, ruleChanges, false);
    }

    /**
     * @param inMemoryStores in-memory instead of RocksDB stores: for offline evaluation in a TopologyTestDriver,
     *                       which commits (and flushes RocksDB) after every record
     */
    public Topology buildTopology(DetectionConfig config, Clock clock, MeterRegistry metrics, TopicNames topics,
            boolean inMemoryStores) {
        return buildTopology(config, clock, metrics, topics, new RuleChanges(), inMemoryStores);
    }

    public Topology buildTopology(DetectionConfig config, Clock clock, MeterRegistry metrics, TopicNames topics,
            RuleChanges ruleChanges, boolean inMemoryStores) {
        ActivityEventParser parser = new ActivityEventParser(config.maxFutureSkew());
        RuleCatalog catalog = new RuleCatalog(config);
        StreamsBuilder builder = new StreamsBuilder();
        // Live objects in front of the account store: an account's many changes between two commits reach
        // RocksDB and the changelog once, serialised at the commit, and are never deserialised in between.
        builder.addStateStore(LiveAccountStore.builder(Stores.keyValueStoreBuilder(store(ACCOUNT_STORE, inMemoryStores),
                Serdes.String(), new AccountStateSerde()), config.liveAccountsPerTask()));
        // Record cache on (statestore.cache.max.bytes) for the other stores: writes between two commits reach
        // RocksDB and the changelog once, at the commit. 0 bytes (tests) = write-through.
        builder.addStateStore(Stores.keyValueStoreBuilder(store(CampaignTracker.STORE, inMemoryStores),
                Serdes.String(), new CampaignMembersSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(store(CampaignTracker.EVENT_TIME_STORE, inMemoryStores),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        // the topic is the changelog of a global store: logging off, restored from the topic at start
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RULES_STORE),
                Serdes.String(), Serdes.String()).withLoggingDisabled(), topics.rules(),
                Consumed.with(Serdes.String(), Serdes.String()).withName("rules"),
                () -> new RuleStoreUpdater(catalog, ruleChanges, metrics));

        KStream<String, ValidatedActivity> validated = builder
                .stream(topics.activity(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("activity"))
                .process(() -> new ActivityValidator(parser, clock, metrics), Named.as("validate"));

        KStream<String, ValidatedActivity> accepted = validated.split(Named.as("activity-"))
                .branch((key, v) -> v.rejected(), Branched.withConsumer(rejected -> rejected
                        // the dead-letter topic gets the key and value bytes as they arrived
                        .map((key, v) -> KeyValue.pair(v.rawKey(), v.raw()), Named.as("raw"))
                        .to(topics.dlq(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())), "rejected"))
                .defaultBranch(Branched.as("accepted")).get("activity-accepted");
        if (topics.erasures() != null) {
            accepted = withErasures(builder, accepted, metrics, topics.erasures(), inMemoryStores,
                    config.liveAccountsPerTask());
        }

        KStream<String, ValidatedActivity> campaigns = accepted
                // (fingerprint, account) to strangers, once per account and fingerprint every few minutes
                .process(CampaignSightings::new, Named.as("to-strangers-by-fingerprint"))
                .repartition(Repartitioned.with(Serdes.String(), new SightingSerde()).withName("fingerprint"))
                .process(CampaignTracker::new, Named.as("campaign-tracker"), CampaignTracker.STORE,
                        CampaignTracker.EVENT_TIME_STORE)
                .repartition(Repartitioned.with(Serdes.String(), new CampaignUpdateSerde()).withName("campaign-by-account"))
                .mapValues(ActivityTopology::sighting, Named.as("sighting"));

        KStream<String, ValidatedActivity> withCampaigns = accepted.merge(campaigns, Named.as("with-campaigns"));
        withCampaigns
                .process(() -> new AccountDetector(config, clock, catalog, ruleChanges, metrics), Named.as("detect"), ACCOUNT_STORE)
                .to(topics.signals(), Produced.with(Serdes.String(), Serdes.String()));
        if (topics.shadowSignals() != null) {
            ShadowTopology.attach(builder, withCampaigns, config, clock, catalog, ruleChanges, ACCOUNT_STORE, RULES_STORE,
                    topics.shadowSignals(), store(ShadowEvaluator.STORE, inMemoryStores));
        }
        return builder.build();
    }

    /**
     * Erasures delete an account's state; activity from before the latest erasure is dropped. The erasure
     * topic must have as many partitions as the activity topic: both feed the tasks that own the account store.
     */
    private static KStream<String, ValidatedActivity> withErasures(StreamsBuilder builder,
            KStream<String, ValidatedActivity> accepted, MeterRegistry metrics, String erasures, boolean inMemoryStores,
            int erasuresInMemoryPerTask) {
        builder.addStateStore(ErasedAccounts.storeBuilder(Stores.keyValueStoreBuilder(store(ErasedAccounts.STORE,
                inMemoryStores), Serdes.String(), Serdes.Long()).withCachingEnabled(), erasuresInMemoryPerTask));
        builder.stream(erasures, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("erasures"))
                .process(() -> new AccountEraser(metrics), Named.as("erase-account"), ACCOUNT_STORE, ErasedAccounts.STORE)
                .to(erasures + ".dlq", Produced.with(Serdes.String(), Serdes.ByteArray()));
        return accepted.processValues(ErasureGate::new, Named.as("erasure-gate"), ErasedAccounts.STORE);
    }

    private static KeyValueBytesStoreSupplier store(String name, boolean inMemory) {
        return inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    private static ValidatedActivity sighting(CampaignUpdate u) {
        return ValidatedActivity.sighting(
                new ValidatedActivity.CampaignSighting(u.accounts(), u.windowStartMillis(), u.memberAtMillis()));
    }
}
