package dev.warden.cases.decision;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.EnforcementCase;
import io.quarkus.arc.DefaultBean;

/** Until a real factory is present, decisions carry no statement of reasons. */
@DefaultBean
@ApplicationScoped
public class NoStatementOfReasons implements StatementOfReasonsFactory {

    @Override
    public Map<String, Object> statementFor(Decision decision, EnforcementCase enforcementCase, Account account) {
        return null;
    }
}
