package dev.warden.simulator;

import java.util.Set;

import dev.warden.contracts.signal.Violation;

/** Who an account is, with the ground truth: the violations it commits (none for legitimate personas). */
public enum Persona {
    ORDINARY(Set.of()),
    BUSINESS(Set.of()),
    LARGE_GROUP(Set.of()),
    NEWSLETTER(Set.of(Violation.NON_PERSONAL_USE)),
    FRESH_BOT(Set.of(Violation.BULK_MESSAGING)),
    SLOW_DRIP(Set.of(Violation.BULK_MESSAGING)),
    AUTOMATION(Set.of(Violation.AUTOMATED_BEHAVIOR)),
    CAMPAIGN(Set.of(Violation.BULK_MESSAGING));

    private final Set<Violation> violations;

    Persona(Set<Violation> violations) {
        this.violations = violations;
    }

    public Set<Violation> violations() {
        return violations;
    }

    public boolean legitimate() {
        return violations.isEmpty();
    }
}
