package dev.warden.detection.rules;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.warden.contracts.json.WardenJson;

/**
 * The rule definitions in force: the newest version stored in the rules topic (global store, so every
 * instance sees every change), else the built-in one. Parsed definitions are cached by their JSON text.
 */
public final class RuleBook {

    private final ReadOnlyKeyValueStore<String, String> store;
    private final Map<String, Cached> cache = new HashMap<>();

    private record Cached(String json, RuleDefinition rule) {
    }

    public RuleBook(ReadOnlyKeyValueStore<String, String> store) {
        this.store = store;
    }

    public RuleDefinition rule(Detector detector) {
        String json = store == null ? null : store.get(detector.id());
        if (json == null) {
            return detector.defaults();
        }
        Cached cached = cache.get(detector.id());
        if (cached == null || !cached.json().equals(json)) {
            cached = new Cached(json, WardenJson.read(json, RuleDefinition.class));
            cache.put(detector.id(), cached);
        }
        return cached.rule();
    }
}
