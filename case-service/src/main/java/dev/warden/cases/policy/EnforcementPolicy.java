package dev.warden.cases.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.warden.cases.config.PolicyConfig;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.contracts.signal.DetectionSignal;

/**
 * Turns a signal into an automatic action or review work. Business accounts are never banned
 * automatically: more is at stake, a person looks first.
 */
@ApplicationScoped
public class EnforcementPolicy {

    @Inject
    PolicyConfig config;

    public PolicyOutcome evaluate(DetectionSignal signal) {
        PolicyConfig.AutoBan rule = config.autoBan();
        boolean business = signal.account() != null && "BUSINESS".equals(signal.account().accountType());
        if (rule.violations().contains(signal.violation().name()) && signal.score() >= rule.minScore() && !business) {
            return new PolicyOutcome(DecisionAction.BAN, rule.ruleId(), rule.version(), signal.violation().name(),
                    "Automatic ban: " + signal.summary(), 100);
        }
        return PolicyOutcome.review((int) Math.round(signal.score() * 100));
    }
}
