package dev.warden.detection.rules.shadow;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.warden.common.problem.ProblemException;
import dev.warden.detection.rules.RuleDefinition;
import dev.warden.detection.rules.RuleRecord;
import dev.warden.detection.rules.RuleService;
import dev.warden.detection.rules.RuleStatus;
import dev.warden.detection.rules.RuleValidator;

/** Puts a candidate version of a rule in shadow, compares it with the live one, promotes or withdraws it. */
@ApplicationScoped
public class ShadowService {

    private static final Logger LOG = Logger.getLogger(ShadowService.class);

    @Inject
    RuleService rules;

    @Inject
    ShadowComparison comparison;

    @Inject
    Clock clock;

    /** The candidate carries the version it would become: the active version plus one. It replaces any earlier shadow. */
    public RuleRecord put(String id, RuleDefinition candidate, String actor) {
        RuleDefinition active = rules.get(id);
        RuleDefinition stored = rules.candidate(id, candidate, active.version() + 1);
        RuleDefinition previous = rules.shadow(id).map(RuleRecord::rule).orElse(active);
        RuleRecord record = new RuleRecord(stored, RuleStatus.SHADOW, actor, clock.instant(), previous, null);
        rules.write(record);
        return record;
    }

    public ShadowReport compare(String id, Instant from, Instant to) {
        RuleRecord shadow = running(id);
        Instant start = from == null ? shadow.changedAt() : from;
        Instant end = to == null ? clock.instant() : to;
        if (!end.isAfter(start)) {
            throw ProblemException.invalid(to == null ? "from" : "to", "the period must end after it starts (" + start + ")");
        }
        return comparison.compare(rules.get(id), shadow.rule(), start, end);
    }

    /** The shadow version becomes the active one, audited with who promoted it and who proposed it. */
    public RuleRecord promote(String id, String actor) {
        RuleRecord shadow = running(id);
        RuleDefinition active = rules.get(id);
        if (shadow.rule().version() != active.version() + 1) {
            throw ProblemException.conflict("rule " + id + " is at version " + active.version() + " but the shadow is version "
                    + shadow.rule().version() + "; put the candidate in shadow again as version " + (active.version() + 1));
        }
        RuleValidator.validate(shadow.rule(), rules.detector(id).defaults());
        RuleRecord promoted = new RuleRecord(shadow.rule(), RuleStatus.ACTIVE, actor, clock.instant(), active,
                shadow.actor());
        rules.write(promoted);
        try {
            withdraw(shadow, actor);
        } catch (ProblemException e) {
            // harmless: a shadow no newer than the active version is spent and no longer runs
            LOG.warnf("rule %s promoted; its spent shadow record stays until the next shadow write: %s", id, e.getMessage());
        }
        return promoted;
    }

    public RuleRecord withdraw(String id, String actor) {
        return withdraw(running(id), actor);
    }

    private RuleRecord withdraw(RuleRecord shadow, String actor) {
        RuleRecord withdrawn = new RuleRecord(shadow.rule(), RuleStatus.WITHDRAWN, actor, clock.instant(), null, null);
        rules.write(withdrawn);
        return withdrawn;
    }

    private RuleRecord running(String id) {
        return rules.shadow(id).orElseThrow(() -> ProblemException.notFound("shadow version of rule", id));
    }
}
