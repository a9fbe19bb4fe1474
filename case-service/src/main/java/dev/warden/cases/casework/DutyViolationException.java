package dev.warden.cases.casework;

import java.util.List;

import dev.warden.cases.domain.DomainException;

/**
 * A separation-of-duties rule refuses the change for this person (the role or the person is wrong,
 * not the case's state). The REST edge answers 403 with the rule in the detail; a consumer dead-letters it.
 */
public class DutyViolationException extends DomainException.NotAllowed {

    public DutyViolationException(String rule) {
        super(rule, List.of());
    }
}
