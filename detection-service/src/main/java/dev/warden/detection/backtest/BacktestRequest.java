package dev.warden.detection.backtest;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.warden.contracts.signal.Violation;
import dev.warden.detection.rules.RuleDefinition;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Replay the activity of the last {@code hours} through the active rules with {@code rules} in place of
 * theirs. {@code labels} (optional) give the truth per account: the simulator's labels file fits as is
 * (its persona field is ignored); an account with no violations is benign.
 */
@RegisterForReflection
public record BacktestRequest(
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
        @Max(value = 8760, message = "must be at most 8760") Integer hours,
        @NotNull(message = "is required") @Size(min = 1, max = 64, message = "must hold 1 to 64 rules")
        List<@NotNull @Valid RuleDefinition> rules,
        @Size(max = 100_000, message = "must hold at most 100000 labels") List<@NotNull @Valid Label> labels) {

    @RegisterForReflection
    public record Label(
            @NotBlank(message = "is required") @Size(max = 256, message = "must be at most 256 characters") String accountId,
            Set<Violation> violations) {
    }
}
