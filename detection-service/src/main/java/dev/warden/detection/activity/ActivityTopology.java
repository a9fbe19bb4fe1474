package dev.warden.detection.activity;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEventParser;
import dev.warden.detection.account.AccountStateSerde;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.detection.rules.AccountDetector;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * activity → validate → (rejected → DLQ | accepted → per-account state + rules → signals).
 * Account state lives in a persistent, changelogged store so a restart or rebalance loses nothing.
 */
@ApplicationScoped
public class ActivityTopology {

    public static final String ACCOUNT_STORE = "account-state";

    @Produces
    public Topology buildTopology(DetectionConfig config, Clock clock, MeterRegistry metrics) {
        ActivityEventParser parser = new ActivityEventParser(config.maxFutureSkew());
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACCOUNT_STORE),
                Serdes.String(), new AccountStateSerde()));

        KStream<String, ValidatedActivity> validated = builder
                .stream(Topics.ACTIVITY, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("activity"))
                .processValues(() -> new ActivityValidator(parser, clock, metrics), Named.as("validate"));

        validated.split(Named.as("activity-"))
                .branch((key, v) -> v.rejected(), Branched.withConsumer(rejected -> rejected
                        .mapValues(ValidatedActivity::raw, Named.as("raw"))
                        .to(Topics.ACTIVITY_DLQ, Produced.with(Serdes.String(), Serdes.ByteArray())), "rejected"))
                .defaultBranch(Branched.withConsumer(accepted -> accepted
                        .process(() -> new AccountDetector(config, clock), Named.as("detect"), ACCOUNT_STORE)
                        .to(Topics.SIGNALS, Produced.with(Serdes.String(), Serdes.String())), "accepted"));
        return builder.build();
    }
}
