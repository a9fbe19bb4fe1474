package dev.warden.simulator;

import java.util.Map;
import java.util.Random;

/** Deals personas to account indexes: exact counts per the mix, shuffled by the seed. */
final class PersonaAssignment {

    private PersonaAssignment() {
    }

    static Persona[] assign(Scenario scenario) {
        int n = scenario.accounts();
        Persona[] personas = new Persona[n];
        int i = 0;
        for (Map.Entry<Persona, Double> e : scenario.mix().entrySet()) {
            int count = (int) Math.round(e.getValue() * n);
            for (int k = 0; k < count && i < n; k++) {
                personas[i++] = e.getKey();
            }
        }
        while (i < n) {
            personas[i++] = Persona.ORDINARY;
        }
        Random r = new Random(scenario.seed());
        for (int k = n - 1; k > 0; k--) {
            int j = r.nextInt(k + 1);
            Persona t = personas[k];
            personas[k] = personas[j];
            personas[j] = t;
        }
        return personas;
    }

    /** For each index: how many accounts before it have the same persona (groups campaign members). */
    static int[] ranks(Persona[] personas) {
        int[] seen = new int[Persona.values().length];
        int[] ranks = new int[personas.length];
        for (int i = 0; i < personas.length; i++) {
            ranks[i] = seen[personas[i].ordinal()]++;
        }
        return ranks;
    }
}
