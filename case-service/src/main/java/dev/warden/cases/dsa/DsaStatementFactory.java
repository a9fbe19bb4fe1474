package dev.warden.cases.dsa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.dsa.config.DsaConfig;
import dev.warden.cases.evidence.EvidenceKind;
import dev.warden.cases.evidence.EvidenceLedger;
import dev.warden.cases.signal.SignalRecord;
import dev.warden.contracts.enforcement.StatementOfReasons;
import dev.warden.contracts.json.WardenJson;

/**
 * The statement-of-reasons factory: called by every decision use case inside the decision's transaction. Builds
 * the statement, validates it against the Transparency Database's rules and stores it (and puts it into
 * the case's evidence ledger) before it goes into the enforcement event. A statement that would not
 * validate fails the decision: a restriction without a valid statement of reasons must not happen.
 */
@ApplicationScoped
public class DsaStatementFactory {

    @Inject
    DsaConfig config;

    @Inject
    EvidenceLedger ledger;

    /** The stored, validated statement, or null for a decision that needs none (warnings, dismissals). */
    public StatementOfReasons statementFor(Decision d, EnforcementCase c, Account a) {
        if (!DsaStatementBuilder.needsStatement(d.action)) {
            return null;
        }
        // called once per decision, inside its transaction; dsa_statement.decision_id is unique besides
        String puid = config.puidPrefix() + "-" + d.id;
        StatementOfReasons s = validated(puid, d, c, a);
        DsaStatement st = new DsaStatement();
        st.puid = puid;
        st.decisionId = d.id;
        st.caseId = c.id;
        st.accountId = a.id;
        st.action = d.action.name();
        st.violation = c.primaryViolation;
        st.accountType = s.accountType();
        st.sourceType = s.sourceType();
        st.automatedDetection = "Yes".equals(s.automatedDetection());
        st.automatedDecision = d.automated;
        st.caseOpenedAt = c.openedAt;
        st.decidedAt = d.decidedAt;
        st.statement = WardenJson.write(s);
        st.persist();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("puid", puid);
        content.put("statement", s);
        ledger.append(c.id, EvidenceKind.STATEMENT_OF_REASONS, puid, "case-service", d.decidedAt, content, null);
        return s;
    }

    /**
     * The statement a decision not yet taken would carry, built and validated exactly as {@link #statementFor}
     * does but stored nowhere; null when the action needs none. Its puid is a placeholder ({@code <prefix>-preview}):
     * the real one names the decision, which does not exist yet.
     */
    public StatementOfReasons preview(Decision draft, EnforcementCase c, Account a) {
        if (!DsaStatementBuilder.needsStatement(draft.action)) {
            return null;
        }
        return validated(config.puidPrefix() + "-preview", draft, c, a);
    }

    private StatementOfReasons validated(String puid, Decision d, EnforcementCase c, Account a) {
        List<SignalRecord> signals = SignalRecord.list("caseId = ?1 order by detectedAt", c.id);
        StatementOfReasons s = DsaStatementBuilder.build(puid, d, c, a, signals, config.territorialScope());
        List<DsaStatementValidator.FieldError> errors = DsaStatementValidator.validate(s);
        if (!errors.isEmpty()) {
            throw new StatementRejectedException(errors);
        }
        return s;
    }

    /** The statement stored with the decision, or null when it has none. */
    public StatementOfReasons storedFor(Decision d) {
        return DsaStatement.<DsaStatement>find("decisionId", d.id).firstResultOptional()
                .map(st -> WardenJson.read(st.statement, StatementOfReasons.class)).orElse(null);
    }

    static Map<String, Object> read(String json) {
        try {
            return WardenJson.mapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored statement is not JSON", e);
        }
    }
}
