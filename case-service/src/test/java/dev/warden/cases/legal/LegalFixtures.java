package dev.warden.cases.legal;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.warden.cases.Fixtures;
import dev.warden.cases.Signals;
import dev.warden.cases.usecase.AddNote;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.usecase.DecisionEffects;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.decision.DecisionCommand;
import dev.warden.cases.evidence.Canonical;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.signal.Violation;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Cases as the rest of case-service makes them: through signal intake, notes and decisions. */
@ApplicationScoped
public class LegalFixtures {

    @Inject
    SignalIntake intake;

    @Inject
    DecisionEffects cases;

    @Inject
    AddNote notes;

    /** A case in review (not conclusive enough for an automatic ban). */
    public UUID openCase(String accountId, String accountType, Violation violation) {
        Fixtures.registered(accountId, accountType, accountId + "@example.org");
        intake.receive(Signals.of(accountId, violation, 0.6, accountType, accountId + "@example.org"));
        return QuarkusTransaction.requiringNew()
                .call(() -> EnforcementCase.<EnforcementCase>find("accountId", accountId).firstResult().id);
    }

    public UUID openCase(String accountId) {
        return openCase(accountId, "PRIVATE", Violation.NON_PERSONAL_USE);
    }

    public Decision decide(UUID caseId, DecisionAction action, String actor, Instant restrictedUntil) {
        return cases.apply(caseId, new DecisionCommand(action, "NON_PERSONAL_USE",
                "Sells a newsletter service over the messenger", actor, false, null, null, restrictedUntil));
    }

    public void note(UUID caseId, String author, String text) {
        notes.add(caseId, author, text);
    }

    public static String offPlatformJson(byte[] capture, String url) {
        return "{\"url\":\"" + url + "\",\"capturedAt\":\"" + Instant.now().minusSeconds(3600) + "\","
                + "\"contentSha256\":\"" + Canonical.sha256(capture) + "\",\"description\":\"Shop page offering bulk sends\","
                + "\"mediaType\":\"text/html\",\"captureBase64\":\"" + Base64.getEncoder().encodeToString(capture) + "\"}";
    }
}
