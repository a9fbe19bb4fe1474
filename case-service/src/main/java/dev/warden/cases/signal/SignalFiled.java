package dev.warden.cases.signal;

import dev.warden.cases.casework.EnforcementCase;

/**
 * Fired synchronously, inside the intake transaction, after a new signal was attached to its case.
 * Observers (evidence ledger, audit) join the transaction: if they fail, nothing is filed.
 */
public record SignalFiled(SignalRecord signal, EnforcementCase enforcementCase) {
}
