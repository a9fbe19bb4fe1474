package dev.warden.cases.policy;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.warden.cases.account.Account;
import dev.warden.cases.account.Strike;
import dev.warden.contracts.signal.DetectionSignal;

/**
 * Turns a signal into an automatic action or review work, by the active policy version stored in
 * PostgreSQL (see {@link PolicyService}). Every outcome names the rule and rule version that made it.
 */
@ApplicationScoped
public class EnforcementPolicy {

    @Inject
    PolicyService policies;

    /** Evaluates with what is known of the account at {@code at} (strikes, evidence flag, type). */
    public PolicyOutcome evaluate(DetectionSignal signal, Account account, Instant at) {
        PolicySet active = policies.active();
        int strikes = account == null ? 0 : Strike.countWithinWindow(account.id, at);
        return PolicyEngine.decide(active.version(), active.rules(), context(signal, account, strikes), signal.summary());
    }

    /** Evaluates a signal for an account case-service does not know yet. */
    public PolicyOutcome evaluate(DetectionSignal signal) {
        return evaluate(signal, null, Instant.now());
    }

    static PolicyContext context(DetectionSignal signal, Account account, int strikes) {
        // the platform's type (from warden.activity.v1) wins; the signal's only fills in while it is unknown
        String type = account != null && account.accountType != null ? account.accountType
                : signal.account() == null ? null : signal.account().accountType();
        Duration age = signal.account() != null && signal.account().registeredAt() != null && signal.detectedAt() != null
                ? Duration.between(signal.account().registeredAt(), signal.detectedAt())
                : null;
        return new PolicyContext(signal.violation().name(), signal.score(), type, strikes,
                account != null && account.offPlatformEvidence, age);
    }
}
