package dev.warden.cases.decision;

import java.util.UUID;

import dev.warden.contracts.enforcement.StatementOfReasons;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a decision would do if sent now: whether it becomes a ban proposal awaiting a second reviewer, and the
 * statement of reasons a RESTRICT or BAN would carry (null otherwise). Nothing was stored.
 */
@RegisterForReflection
public record DecisionPreview(UUID caseId, String action, boolean proposal, boolean statementRequired,
        StatementOfReasons statementOfReasons, long caseVersion) {
}
