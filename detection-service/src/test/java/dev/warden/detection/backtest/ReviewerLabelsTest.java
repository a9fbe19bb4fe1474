package dev.warden.detection.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.signal.Violation;

class ReviewerLabelsTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theLatestHumanDecisionPerAccountIsTheLabelAndAutomatedDecisionsAreNot() {
        Labels labels = ReviewerLabels.of(List.of(
                event("a", EnforcementAction.BANNED, false, "BULK_MESSAGING", T.plusSeconds(5)),
                event("a", EnforcementAction.WARNED, false, "AUTOMATED_BEHAVIOR", T),
                event("b", EnforcementAction.BANNED, true, "BULK_MESSAGING", T),
                event("c", EnforcementAction.RESTRICTED, false, "NON_PERSONAL_USE", T),
                event("c", EnforcementAction.APPEAL_RECEIVED, false, null, T.plusSeconds(1)),
                event("d", EnforcementAction.DISMISSED, false, "USER_REPORTED", T)));

        assertThat(labels.truth()).isEqualTo(Map.of("a", Set.of(Violation.BULK_MESSAGING),
                "c", Set.of(Violation.NON_PERSONAL_USE), "d", Set.of()));
        assertThat(labels.humanDecisions()).isEqualTo(4);
        assertThat(labels.summary().source()).isEqualTo(BacktestReport.LabelSource.REVIEWER_DECISIONS);
        assertThat(labels.summary().violating()).isEqualTo(2);
        assertThat(labels.summary().benign()).isEqualTo(1);
    }

    @Test
    void aReinstatementIsBenignOnlyAfterABanAndAnUnnamedViolationIsNoLabel() {
        Labels labels = ReviewerLabels.of(List.of(
                event("banned", EnforcementAction.BANNED, true, "BULK_MESSAGING", T),
                event("banned", EnforcementAction.REINSTATED, false, null, T.plusSeconds(1)),
                event("restricted", EnforcementAction.REINSTATED, false, null, T),
                event("unnamed", EnforcementAction.DISMISSED, false, null, T),
                event("unnamed", EnforcementAction.WARNED, false, null, T.plusSeconds(1)),
                event("odd", EnforcementAction.WARNED, false, "NOT_A_VIOLATION", T)));

        assertThat(labels.truth()).isEqualTo(Map.of("banned", Set.of()));
    }

    @Test
    void noHumanDecisionMeansNoLabelsSaidPlainly() {
        Labels labels = ReviewerLabels.of(List.of(event("x", EnforcementAction.BANNED, true, "BULK_MESSAGING", T)));

        assertThat(labels.summary().source()).isEqualTo(BacktestReport.LabelSource.NONE);
        assertThat(labels.summary().accounts()).isZero();
        assertThat(labels.summary().note()).startsWith("no labels");
    }

    private static EnforcementEvent event(String account, EnforcementAction action, boolean automated,
            String violation, Instant at) {
        return new EnforcementEvent(UUID.randomUUID().toString(), UUID.randomUUID().toString(), account, action,
                automated, violation, "CODE", "reason", null, null, automated ? "system:auto-enforcement" : "rita", at,
                null, null, null);
    }
}
