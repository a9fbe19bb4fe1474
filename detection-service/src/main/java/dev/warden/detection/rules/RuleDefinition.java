package dev.warden.detection.rules;

import java.util.Map;

import jakarta.validation.constraints.Size;

import dev.warden.contracts.signal.Violation;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A detection rule as data: thresholds (and windows, in seconds) and score weights by name, versioned.
 * The detector code decides which names it reads and how it compares them; {@link RuleValidator}
 * makes sure a change names exactly those.
 *
 * @param score   the signal's score when the rule fires (before weights)
 * @param weights added to the score when their condition holds (e.g. {@code unofficialClient}); capped at 0.99
 */
@RegisterForReflection
public record RuleDefinition(
        @Size(max = 64, message = "must be at most 64 characters") String id,
        int version,
        Violation violation,
        boolean enabled,
        double score,
        long cooldownSeconds,
        Map<String, Double> thresholds,
        Map<String, Double> weights,
        @Size(max = 2000, message = "must be at most 2000 characters") String description) {

    public double threshold(String name) {
        Double v = thresholds.get(name);
        if (v == null) {
            throw new IllegalStateException("rule " + id + " has no threshold " + name);
        }
        return v;
    }

    /**
     * @param lastFiredMillis event time the rule last fired for the account (null: never)
     * @return whether an event at {@code atMillis} falls in the cooldown after that (an earlier event does not)
     */
    public boolean coolingDown(Long lastFiredMillis, long atMillis) {
        return lastFiredMillis != null && atMillis - lastFiredMillis < cooldownSeconds * 1000 && atMillis >= lastFiredMillis;
    }

    public double weight(String name) {
        Double v = weights == null ? null : weights.get(name);
        return v == null ? 0 : v;
    }

    public RuleDefinition withVersion(int newVersion) {
        return new RuleDefinition(id, newVersion, violation, enabled, score, cooldownSeconds, thresholds, weights,
                description);
    }
}
