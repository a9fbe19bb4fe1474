package dev.warden.cases.evidence;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.warden.cases.casework.CaseNote;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.signal.SignalRecord;
import dev.warden.contracts.json.WardenJson;

/**
 * Puts what case work produces into the ledger; the use cases call it inside their transaction, so a
 * signal, note or decision that is committed is in the chain, and one that is rolled back is not.
 */
@ApplicationScoped
public class EvidenceRecorder {

    @Inject
    EvidenceLedger ledger;

    public void signal(SignalRecord s) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("signal", readJson(s.payload));
        ledger.append(s.caseId, EvidenceKind.SIGNAL, s.id.toString(), "detection-service", s.receivedAt, content, null);
    }

    public void note(CaseNote n) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("author", n.author);
        content.put("text", n.text);
        ledger.append(n.caseId, EvidenceKind.NOTE, n.id.toString(), n.author, n.createdAt, content, null);
    }

    public void decision(Decision d) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("action", d.action.name());
        content.put("reasonCode", d.reasonCode);
        content.put("reasonText", d.reasonText);
        content.put("automated", d.automated);
        content.put("actor", d.actor);
        content.put("policyRuleId", d.policyRuleId);
        content.put("policyVersion", d.policyVersion);
        content.put("restrictedUntil", d.restrictedUntil == null ? null : d.restrictedUntil.toString());
        content.put("decidedAt", d.decidedAt.toString());
        ledger.append(d.caseId, EvidenceKind.DECISION, d.id.toString(), d.actor, d.decidedAt, content, null);
    }

    private static Object readJson(String json) {
        try {
            return WardenJson.mapper().readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            return json;
        }
    }
}
