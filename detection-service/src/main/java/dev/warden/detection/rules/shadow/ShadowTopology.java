package dev.warden.detection.rules.shadow;

import java.time.Clock;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

import dev.warden.detection.activity.ValidatedActivity;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.detection.rules.RuleCatalog;
import dev.warden.detection.rules.RuleChanges;

/** The topology's one hook for shadow rules: a branch after the live detector that writes to the shadow topic. */
public final class ShadowTopology {

    private ShadowTopology() {
    }

    /**
     * Adds the shadow branch to {@code detected}, the stream the live detector reads. Call it after the live
     * detector is attached: children run in the order they were added, so the shadow sees the updated state.
     * {@code accountStore} and {@code rulesStore} are the live detector's account store and the global rules store.
     * {@code cooldownStore} supplies the store named {@link ShadowEvaluator#STORE}: the topology chooses RocksDB
     * or memory for all of its stores alike.
     */
    public static void attach(StreamsBuilder builder, KStream<String, ValidatedActivity> detected,
            DetectionConfig config, Clock clock, RuleCatalog catalog, RuleChanges changes, String accountStore,
            String rulesStore, String shadowTopic, KeyValueBytesStoreSupplier cooldownStore) {
        builder.addStateStore(Stores.keyValueStoreBuilder(cooldownStore, Serdes.String(), ShadowCooldowns.serde())
                .withCachingEnabled());
        detected.process(() -> new ShadowEvaluator(config, clock, catalog, changes, accountStore, rulesStore),
                Named.as("shadow-detect"), accountStore, ShadowEvaluator.STORE)
                .to(shadowTopic, Produced.with(Serdes.String(), Serdes.String()).withName("shadow-signals"));
    }
}
