package dev.warden.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What to simulate: how many accounts, the persona mix, the event-time span and the parameter range the
 * families draw their intensity from. Deterministic: the same scenario and seed always yield the same
 * events, ids and labels.
 */
public record Scenario(long seed, int accounts, Instant start, Duration duration, Map<Persona, Double> mix,
        Ranges ranges, String run) {

    /** {@code run}: "" or a short [a-z0-9] prefix that makes every account id fresh (one platform, many runs). */
    public Scenario {
        if (!run.matches("[a-z0-9]*")) {
            throw new IllegalArgumentException("run prefix must be lower-case letters and digits, got " + run);
        }
    }

    public Scenario(long seed, int accounts, Instant start, Duration duration, Map<Persona, Double> mix, Ranges ranges) {
        this(seed, accounts, start, duration, mix, ranges, "");
    }

    /** Deterministic from seed, index and run prefix. */
    public String accountId(int index) {
        return "sim-" + (run.isEmpty() ? "" : run + "-") + seed + "-" + index;
    }

    /**
     * Each account's rates and counts (of the families that draw from ranges) are scaled by a factor uniform
     * in [low, high]. {@link #DEV} is the range the rules were looked at with; {@link #HELD_OUT} is wider and
     * was never used for tuning.
     */
    public record Ranges(String name, double low, double high) {
        public static final Ranges DEV = new Ranges("dev", 0.85, 1.15);
        public static final Ranges HELD_OUT = new Ranges("held-out", 0.6, 1.6);

        public static Ranges named(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "dev" -> DEV;
                case "held-out", "heldout" -> HELD_OUT;
                default -> throw new IllegalArgumentException("unknown ranges " + name + " (dev, held-out)");
            };
        }
    }

    public Scenario(long seed, int accounts, Instant start, Duration duration, Map<Persona, Double> mix) {
        this(seed, accounts, start, duration, mix, Ranges.DEV);
    }

    /** The default mix: mostly legitimate users, every abusive pattern the first rules were written for. */
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

    /** Every family: the first ones, the adaptive abusers and the legitimate heavy users (for a day of event time). */
    public static Map<Persona, Double> adversarialMix() {
        Map<Persona, Double> mix = legitimate(0.45);
        mix.put(Persona.NEWSLETTER, 0.02);
        mix.put(Persona.FRESH_BOT, 0.02);
        mix.put(Persona.SLOW_DRIP, 0.02);
        mix.put(Persona.AUTOMATION, 0.02);
        mix.put(Persona.CAMPAIGN, 0.03);
        mix.put(Persona.ALL_DAY_SPAM, 0.04);
        mix.put(Persona.ROTATING_SPAM, 0.04);
        mix.put(Persona.ROTATING_NEWSLETTER, 0.04);
        mix.put(Persona.MICRO_CAMPAIGN, 0.06);
        mix.put(Persona.JITTER_BOT, 0.03);
        return mix;
    }

    /** For each rule, abusers just under its thresholds on its axis, abusing on another; and the heavy users. */
    public static Map<Persona, Double> evasionMix() {
        Map<Persona, Double> mix = legitimate(0.50);
        mix.put(Persona.EVADE_BURST, 0.04);
        mix.put(Persona.EVADE_OUTREACH, 0.05);
        mix.put(Persona.EVADE_DAILY_SHARE, 0.05);
        mix.put(Persona.EVADE_CLOCKWORK, 0.04);
        mix.put(Persona.EVADE_PROMO, 0.04);
        mix.put(Persona.EVADE_CAMPAIGN, 0.05);
        return mix;
    }

    private static Map<Persona, Double> legitimate(double ordinary) {
        Map<Persona, Double> mix = new EnumMap<>(Persona.class);
        mix.put(Persona.ORDINARY, ordinary);
        mix.put(Persona.BUSINESS, 0.05);
        mix.put(Persona.LARGE_GROUP, 0.05);
        mix.put(Persona.TEACHER, 0.04);
        mix.put(Persona.CUSTOMER_SERVICE, 0.03);
        mix.put(Persona.WEDDING, 0.03);
        mix.put(Persona.ANGRY_TARGET, 0.03);
        return mix;
    }

    public static Map<Persona, Double> mix(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "default" -> defaultMix();
            case "adversarial" -> adversarialMix();
            case "evasion" -> evasionMix();
            default -> throw new IllegalArgumentException("unknown mix " + name + " (default, adversarial, evasion)");
        };
    }

    public Scenario withDuration(Duration d) {
        return new Scenario(seed, accounts, start, d, mix, ranges, run);
    }

    public Scenario withMix(Map<Persona, Double> m) {
        return new Scenario(seed, accounts, start, duration, m, ranges, run);
    }

    public Scenario withRanges(Ranges r) {
        return new Scenario(seed, accounts, start, duration, mix, r, run);
    }

    public Scenario withRun(String prefix) {
        return new Scenario(seed, accounts, start, duration, mix, ranges, prefix);
    }

    public static Scenario defaults(long seed, int accounts, Instant start) {
        return new Scenario(seed, accounts, start, Duration.ofHours(1), defaultMix());
    }
}
