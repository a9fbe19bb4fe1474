package dev.warden.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What to simulate: how many accounts, the persona mix, the event-time span. Deterministic: the same
 * scenario and seed always yield the same events, ids and labels.
 */
public record Scenario(long seed, int accounts, Instant start, Duration duration, Map<Persona, Double> mix) {

    /** The default mix: mostly legitimate users, every abusive pattern represented. */
    public static Map<Persona, Double> defaultMix() {
        Map<Persona, Double> mix = new EnumMap<>(Persona.class);
        mix.put(Persona.ORDINARY, 0.62);
        mix.put(Persona.BUSINESS, 0.07);
        mix.put(Persona.LARGE_GROUP, 0.06);
        mix.put(Persona.NEWSLETTER, 0.04);
        mix.put(Persona.FRESH_BOT, 0.05);
        mix.put(Persona.SLOW_DRIP, 0.05);
        mix.put(Persona.AUTOMATION, 0.05);
        mix.put(Persona.CAMPAIGN, 0.06);
        return mix;
    }

    public Scenario withDuration(Duration d) {
        return new Scenario(seed, accounts, start, d, mix);
    }

    public static Scenario defaults(long seed, int accounts, Instant start) {
        return new Scenario(seed, accounts, start, Duration.ofHours(1), defaultMix());
    }
}
