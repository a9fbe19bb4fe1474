package dev.warden.cases.policy;

import java.time.Duration;
import java.util.List;

import dev.warden.cases.account.Account;
import dev.warden.cases.decision.DecisionAction;

/** Evaluates an ordered rule list against one signal's context: pure, so live intake and dry runs agree. */
public final class PolicyEngine {

    private PolicyEngine() {
    }

    public static PolicyOutcome decide(int policyVersion, List<PolicyRule> rules, PolicyContext ctx, String summary) {
        int byScore = (int) Math.round(ctx.score() * 100);
        for (PolicyRule rule : rules) {
            if (!matches(rule.when(), ctx)) {
                continue;
            }
            PolicyRule.Outcome then = rule.then();
            String reasonCode = then.reasonCode() != null ? then.reasonCode() : ctx.violation();
            if (then.action().automatic()) {
                Duration restrictFor = then.restrictFor() == null ? null : Duration.parse(then.restrictFor());
                return new PolicyOutcome(DecisionAction.valueOf(then.action().name()), rule.id(), rule.version(),
                        reasonCode, "Automatic " + then.action().name().toLowerCase() + " (policy rule " + rule.id()
                                + " v" + rule.version() + "): " + summary,
                        100, then.action(), restrictFor, policyVersion);
            }
            int floor = then.priority() == null ? 0 : then.priority();
            return new PolicyOutcome(null, rule.id(), rule.version(), reasonCode, null,
                    Math.min(100, Math.max(floor, byScore)), then.action(), null, policyVersion);
        }
        // no rule matched: a person looks, ordered by score
        return new PolicyOutcome(null, null, 0, ctx.violation(), null, byScore, PolicyAction.REVIEW, null, policyVersion);
    }

    static boolean matches(PolicyRule.Conditions w, PolicyContext ctx) {
        if (w == null) {
            return true;
        }
        String accountType = Account.typeOrPrivate(ctx.accountType());
        return (w.violations() == null || w.violations().isEmpty() || w.violations().contains(ctx.violation()))
                && (w.minScore() == null || ctx.score() >= w.minScore())
                && (w.maxScore() == null || ctx.score() < w.maxScore())
                && (w.accountTypes() == null || w.accountTypes().isEmpty() || w.accountTypes().contains(accountType))
                && (w.minStrikes90d() == null || ctx.strikes90d() >= w.minStrikes90d())
                && (w.maxStrikes90d() == null || ctx.strikes90d() <= w.maxStrikes90d())
                && (w.offPlatformEvidence() == null || w.offPlatformEvidence() == ctx.offPlatformEvidence())
                && (w.maxAccountAge() == null || (ctx.accountAge() != null
                        && ctx.accountAge().compareTo(Duration.parse(w.maxAccountAge())) <= 0));
    }
}
