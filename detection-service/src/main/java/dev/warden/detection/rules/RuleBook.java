package dev.warden.detection.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.warden.contracts.json.WardenJson;

/**
 * The rule definitions in force: the newest active version stored in the rules topic (global store, so
 * every instance sees every change), else the built-in one. With {@link RuleChanges} the parsed definitions
 * are cached until the store changes; without (REST reads) every call reads the store.
 */
public final class RuleBook {

    /** The global store over the compacted rules topic. */
    public static final String STORE = "detection-rules";

    private final ReadOnlyKeyValueStore<String, String> store;
    private final RuleChanges changes;
    private final Map<String, RuleDefinition> cache = new HashMap<>();
    private long cachedGeneration = -1;
    private List<RuleDefinition> inForce;

    public RuleBook(ReadOnlyKeyValueStore<String, String> store) {
        this(store, null);
    }

    public RuleBook(ReadOnlyKeyValueStore<String, String> store, RuleChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    public RuleDefinition rule(Detector detector) {
        if (changes == null) {
            return read(detector);
        }
        refresh();
        return cache.computeIfAbsent(detector.id(), id -> read(detector));
    }

    /**
     * The definitions in force for {@code detectors}, in their order: with {@link RuleChanges}, one list per
     * change of the store instead of a look-up per rule and event. Pass the same detectors on every call.
     */
    public List<RuleDefinition> rules(List<Detector> detectors) {
        if (changes == null) {
            return detectors.stream().map(this::read).toList();
        }
        refresh();
        if (inForce == null) {
            inForce = detectors.stream().map(this::rule).toList();
        }
        return inForce;
    }

    private void refresh() {
        long generation = changes.generation();
        if (generation != cachedGeneration) {
            cache.clear();
            inForce = null;
            cachedGeneration = generation;
        }
    }

    private RuleDefinition read(Detector detector) {
        String json = store == null ? null : store.get(detector.id());
        RuleDefinition stored = json == null ? null : WardenJson.read(json, RuleRecord.class).rule();
        if (stored == null) {
            return detector.defaults();
        }
        return changes == null ? stored : changes.shared(stored);
    }
}
