package dev.warden.detection.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.features.Features;

/**
 * What the rules decide on one message or report of an account whose state already holds it: every enabled
 * rule out of its cooldown is asked; a conclusive finding (auto-ban level) is kept alone and silences the
 * account for that rule's cooldown. The state records what fired; the caller turns it into signals.
 *
 * @param features the account as of the trigger (null when no rule was asked)
 * @param fired    the findings to emit, in rule order (empty: none)
 */
public record Verdict(Features features, List<Fired> fired) {

    private static final Verdict NONE = new Verdict(null, List.of());

    public record Fired(RuleDefinition rule, Finding finding) {
    }

    /** @param inForce the definitions in force for {@code detectors}, in their order */
    public static Verdict of(AccountState state, ActivityEvent trigger, List<Detector> detectors,
            List<RuleDefinition> inForce, double conclusiveScore) {
        if (trigger.type() != ActivityType.MESSAGE_SENT && trigger.type() != ActivityType.USER_REPORT) {
            return NONE;
        }
        long at = trigger.occurredAt().toEpochMilli();
        if (at < state.silencedUntilMillis) {
            return NONE;
        }
        Features features = Features.of(state, at);
        List<Fired> fired = null; // nearly every event fires nothing
        for (int i = 0; i < detectors.size(); i++) {
            RuleDefinition rule = inForce.get(i);
            if (rule.enabled() && !rule.coolingDown(state.lastFiredMillis.get(rule.id()), at)) {
                Optional<Finding> finding = detectors.get(i).evaluate(trigger, state, features, rule);
                if (finding.isPresent()) {
                    if (fired == null) {
                        fired = new ArrayList<>();
                    }
                    fired.add(new Fired(rule, finding.get()));
                }
            }
        }
        if (fired == null) {
            return new Verdict(features, List.of());
        }
        Fired conclusive = fired.stream().filter(f -> f.finding().score() >= conclusiveScore)
                .max((a, b) -> Double.compare(a.finding().score(), b.finding().score())).orElse(null);
        List<Fired> emit = conclusive == null ? fired : List.of(conclusive);
        if (conclusive != null) {
            state.silence(at, conclusive.rule().cooldownSeconds() * 1000);
        }
        for (Fired f : emit) {
            state.lastFiredMillis.put(f.rule().id(), at);
        }
        return new Verdict(features, emit);
    }
}
