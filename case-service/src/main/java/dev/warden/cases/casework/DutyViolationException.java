package dev.warden.cases.casework;

/**
 * A separation-of-duties rule refuses the change for this person (the role or the person is wrong,
 * not the case's state). The REST edge answers 403 with the rule in the detail.
 */
public class DutyViolationException extends RuntimeException {

    public DutyViolationException(String rule) {
        super(rule);
    }
}
