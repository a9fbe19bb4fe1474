package dev.warden.cases.decision;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.EnforcementCase;

/**
 * Fired synchronously, inside the decision's transaction, after the decision was applied and before
 * its enforcement event is written to the outbox.
 */
public record DecisionApplied(Decision decision, EnforcementCase enforcementCase, Account account) {
}
