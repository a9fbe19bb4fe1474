package dev.warden.cases.decision;

import java.util.List;
import java.util.UUID;

import dev.warden.cases.domain.DomainException;

/**
 * What a bulk decision would do if sent now, case by case, changing nothing. {@code refusal} is the refusal
 * the bulk call would answer with (null when every case would take the decision); the REST edge turns it
 * into the problem the call would get.
 */
public record BulkDecisionPreview(String action, List<Item> items, DomainException refusal) {

    /** What would happen to one case. */
    public enum Outcome { DECIDED, PROPOSED, REFUSED }

    /** One case: decided (with a statement of reasons or not), proposed for a second reviewer, or refused and why. */
    public record Item(UUID caseId, String accountId, Outcome outcome, boolean statementRequired, DomainException refusal) {
    }

    public boolean wouldSucceed() {
        return refusal == null;
    }
}
