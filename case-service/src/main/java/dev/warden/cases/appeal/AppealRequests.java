package dev.warden.cases.appeal;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Request bodies of the appeals API. */
public final class AppealRequests {

    private AppealRequests() {
    }

    /** The platform files an appeal for the account holder. */
    @RegisterForReflection
    public record File(@NotNull(message = "must name the decision appealed against") UUID decisionId,
            @NotBlank(message = "must not be blank") @Size(max = 2000, message = "must be at most 2000 characters")
            String text) {
    }

    /** A senior reviewer's verdict. */
    @RegisterForReflection
    public record Verdict(@NotNull(message = "must be UPHELD or REJECTED") Outcome outcome,
            @NotBlank(message = "must not be blank") @Size(max = 2000, message = "must be at most 2000 characters")
            String reason) {
    }

    public enum Outcome {
        UPHELD,
        REJECTED
    }
}
