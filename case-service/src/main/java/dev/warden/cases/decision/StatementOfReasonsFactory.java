package dev.warden.cases.decision;

import java.util.Map;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.EnforcementCase;

/**
 * Builds the EU DSA statement of reasons (Transparency Database API fields) for a decision, or null
 * when the decision needs none (warnings, dismissals). The statement travels in the enforcement event.
 */
public interface StatementOfReasonsFactory {

    Map<String, Object> statementFor(Decision decision, EnforcementCase enforcementCase, Account account);
}
