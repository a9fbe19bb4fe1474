package dev.warden.cases.casework;

import java.util.List;
import java.util.UUID;

import dev.warden.cases.domain.DomainException;

/** A case was asked to move in a way its lifecycle does not allow. The REST edge answers 409. */
public class IllegalTransitionException extends DomainException.Conflict {

    private final UUID caseId;
    private final CaseStatus current;
    private final CaseTransition attempted;

    public IllegalTransitionException(UUID caseId, CaseStatus current, CaseTransition attempted, String why) {
        super("case " + caseId + " is " + current + " and cannot " + attempted + (why == null ? "" : ": " + why), List.of());
        this.caseId = caseId;
        this.current = current;
        this.attempted = attempted;
    }

    public UUID caseId() {
        return caseId;
    }

    public CaseStatus current() {
        return current;
    }

    public CaseTransition attempted() {
        return attempted;
    }

    public List<CaseTransition> allowed() {
        return CaseTransition.available(current);
    }
}
