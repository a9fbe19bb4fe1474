package dev.warden.local;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.warden.simulator.Label;
import dev.warden.simulator.Persona;

/** The automatic bans of a run measured against the simulator's ground truth (its labels). */
record BanQuality(long violators, long correct, long bans, Map<Persona, Long> bannedByPersona) {

    static BanQuality of(List<Label> labels, Set<String> banned) {
        long violators = 0;
        long correct = 0;
        Map<Persona, Long> byPersona = new TreeMap<>();
        for (Label l : labels) {
            boolean violator = !l.violations().isEmpty();
            violators += violator ? 1 : 0;
            if (banned.contains(l.accountId())) {
                byPersona.merge(l.persona(), 1L, Long::sum);
                correct += violator ? 1 : 0;
            }
        }
        return new BanQuality(violators, correct, banned.size(), byPersona);
    }

    double precision() {
        return bans == 0 ? 0 : (double) correct / bans;
    }

    double recall() {
        return violators == 0 ? 0 : (double) correct / violators;
    }

    String render() {
        return String.format("ground truth (labels): %d violators; automatic bans by persona %s%n"
                + "automatic bans: precision %.2f (%d of %d correct, %d false positives), recall %.2f (%d of %d violators)%n",
                violators, bannedByPersona, precision(), correct, bans, bans - correct, recall(), correct, violators);
    }
}
