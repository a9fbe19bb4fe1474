package dev.warden.cases.legal;

import java.util.Set;

/** RECEIVED → UNDER_REVIEW → FILED → CLOSED; legal may also close a case it decides not to pursue. */
public enum EscalationStatus {
    RECEIVED,
    UNDER_REVIEW,
    FILED,
    CLOSED;

    public boolean mayMoveTo(EscalationStatus next) {
        return switch (this) {
            case RECEIVED -> Set.of(UNDER_REVIEW, CLOSED).contains(next);
            case UNDER_REVIEW -> Set.of(FILED, CLOSED).contains(next);
            case FILED -> next == CLOSED;
            case CLOSED -> false;
        };
    }
}
