package dev.warden.simulator;

import java.util.Set;

import dev.warden.contracts.signal.Violation;

/** Ground truth for one simulated account: a line of the labels file. */
public record Label(String accountId, Persona persona, Set<Violation> violations) {

    public static Label of(String accountId, Persona persona) {
        return new Label(accountId, persona, persona.violations());
    }
}
