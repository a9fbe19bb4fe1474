package dev.warden.cases.casework;

/**
 * Who holds a case: a reviewer claims an unassigned case for themselves and releases their own; giving
 * a case to someone else or taking it over from its holder needs a senior reviewer.
 */
final class ClaimRules {

    static final String SENIOR = "senior-reviewer";

    private ClaimRules() {
    }

    static void checkAssignment(EnforcementCase c, String assignee, Actor actor) {
        boolean selfClaim = c.assignee == null && assignee.equals(actor.name());
        if (!selfClaim && !actor.senior()) {
            throw new DutyViolationException(c.assignee == null
                    ? "a reviewer may claim an unassigned case only for themselves; assigning it to someone else needs a "
                            + SENIOR
                    : "the case is held by " + c.assignee + "; taking it over needs a " + SENIOR);
        }
    }

    static void checkRelease(EnforcementCase c, Actor actor) {
        if (c.assignee != null && !c.assignee.equals(actor.name()) && !actor.senior()) {
            throw new DutyViolationException("the case is held by " + c.assignee + "; only they or a " + SENIOR
                    + " may release it");
        }
    }
}
