package dev.warden.cases.legal;

import java.util.UUID;

/**
 * Fired synchronously inside the retention transaction after a closed case's personal data was erased,
 * so other parts of case-service (appeals, audit) can erase theirs in the same transaction.
 */
public record CaseErased(UUID caseId, String accountId) {
}
