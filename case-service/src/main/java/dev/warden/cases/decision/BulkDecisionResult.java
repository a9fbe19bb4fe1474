package dev.warden.cases.decision;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record BulkDecisionResult(int decided, List<DecisionView> decisions) {
}
