package dev.warden.cases.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.warden.cases.casework.NoteAdded;
import dev.warden.cases.decision.DecisionApplied;
import dev.warden.cases.signal.SignalFiled;

/** Records the state changes other packages announce, in their transactions. */
@ApplicationScoped
public class AuditObservers {

    @Inject
    AuditTrail audit;

    void onSignal(@Observes SignalFiled e) {
        audit.recordAs("system:intake", null, "SIGNAL_FILED", e.enforcementCase().id, e.signal().accountId,
                e.signal().id.toString(), e.signal().violation + " score " + e.signal().score);
    }

    void onDecision(@Observes DecisionApplied e) {
        AuditTrail.Caller caller = audit.caller();
        // the decision names its actor (a reviewer or the policy); the client is the caller's, if any
        audit.recordAs(e.decision().actor, caller.clientId(), "DECISION_" + e.decision().action.name(),
                e.enforcementCase().id, e.account().id, e.decision().id.toString(),
                e.decision().reasonCode + ": " + e.decision().reasonText);
    }

    void onNote(@Observes NoteAdded e) {
        audit.record("NOTE_ADDED", e.note().caseId, null, e.note().id.toString(), null);
    }
}
