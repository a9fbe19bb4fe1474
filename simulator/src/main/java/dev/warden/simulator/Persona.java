package dev.warden.simulator;

import java.util.Set;

import dev.warden.contracts.signal.Violation;

/**
 * Who an account is, with the ground truth: the violations it commits (none for legitimate personas), and
 * whether the detection rules were written while this family existed ({@code seenByRules}): the families
 * added later were scored with rules fixed before they existed (leave-one-family-out, see docs/detection.md).
 */
public enum Persona {
    ORDINARY(true),
    BUSINESS(true),
    LARGE_GROUP(true),
    NEWSLETTER(true, Violation.NON_PERSONAL_USE),
    FRESH_BOT(true, Violation.BULK_MESSAGING),
    SLOW_DRIP(true, Violation.BULK_MESSAGING),
    AUTOMATION(true, Violation.AUTOMATED_BEHAVIOR),
    CAMPAIGN(true, Violation.BULK_MESSAGING),
    // legitimate heavy users
    TEACHER(false),
    CUSTOMER_SERVICE(false),
    WEDDING(false),
    ANGRY_TARGET(false),
    // adaptive abusers; outreach to strangers is labelled bulk whatever its pacing, as SLOW_DRIP always was
    ALL_DAY_SPAM(false, Violation.BULK_MESSAGING),
    ROTATING_SPAM(false, Violation.BULK_MESSAGING),
    ROTATING_NEWSLETTER(false, Violation.NON_PERSONAL_USE),
    MICRO_CAMPAIGN(false, Violation.BULK_MESSAGING),
    JITTER_BOT(false, Violation.AUTOMATED_BEHAVIOR),
    // evasion: just under one rule's thresholds on its axis, abusing on another
    EVADE_BURST(false, Violation.BULK_MESSAGING),
    EVADE_OUTREACH(false, Violation.BULK_MESSAGING),
    EVADE_DAILY_SHARE(false, Violation.BULK_MESSAGING),
    EVADE_CLOCKWORK(false, Violation.AUTOMATED_BEHAVIOR),
    EVADE_PROMO(false, Violation.NON_PERSONAL_USE),
    EVADE_CAMPAIGN(false, Violation.BULK_MESSAGING);

    private final Set<Violation> violations;
    private final boolean seenByRules;

    Persona(boolean seenByRules, Violation... violations) {
        this.violations = Set.of(violations);
        this.seenByRules = seenByRules;
    }

    public Set<Violation> violations() {
        return violations;
    }

    public boolean legitimate() {
        return violations.isEmpty();
    }

    public boolean seenByRules() {
        return seenByRules;
    }
}
