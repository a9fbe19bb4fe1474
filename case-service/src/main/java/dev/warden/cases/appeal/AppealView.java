package dev.warden.cases.appeal;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record AppealView(UUID id, UUID decisionId, UUID caseId, String accountId, String decisionAction,
        String decisionActor, String text, AppealStatus status, String filedBy, Instant filedAt, String decidedBy,
        Instant decidedAt, String decisionReason, long version) {
}
