package dev.warden.cases.decision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A reviewer's decision on a case. {@code restrictFor} (ISO-8601, e.g. P7D) only with RESTRICT. */
@RegisterForReflection
public record DecisionRequest(
        @NotNull(message = "must be one of WARN, RESTRICT, BAN, REINSTATE, DISMISS, ESCALATE") DecisionAction action,
        @NotBlank(message = "must not be blank")
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be 2-64 characters of [A-Z0-9_], starting with a letter")
        String reasonCode,
        @NotBlank(message = "must not be blank") @Size(max = 2000, message = "must be at most 2000 characters")
        String reasonText,
        @Size(max = 32, message = "must be an ISO-8601 duration such as P7D") String restrictFor) {
}
