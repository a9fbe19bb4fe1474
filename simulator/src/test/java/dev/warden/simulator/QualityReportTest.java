package dev.warden.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;

class QualityReportTest {

    private final QualityReport report = new QualityReport(List.of(
            Label.of("bot1", Persona.FRESH_BOT),
            Label.of("bot2", Persona.FRESH_BOT),
            Label.of("drip", Persona.SLOW_DRIP),
            Label.of("news", Persona.NEWSLETTER),
            Label.of("u1", Persona.ORDINARY),
            Label.of("u2", Persona.ORDINARY),
            Label.of("shop", Persona.BUSINESS)));

    @Test
    void precisionRecallAndFalsePositiveRateArePerAccountAndViolation() {
        report.add(signal("bot1", Violation.BULK_MESSAGING, 0.99));
        report.add(signal("bot1", Violation.BULK_MESSAGING, 0.99)); // a second signal: still one account
        report.add(signal("bot2", Violation.BULK_MESSAGING, 0.99));
        report.add(signal("u1", Violation.BULK_MESSAGING, 0.9)); // false positive
        // drip missed: false negative

        QualityReport.Metrics bulk = report.metrics(Violation.BULK_MESSAGING);

        assertThat(bulk).isEqualTo(new QualityReport.Metrics(2, 1, 1, 3));
        assertThat(bulk.precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(bulk.recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(bulk.falsePositiveRate()).isCloseTo(1.0 / 4, within(1e-9));
    }

    @Test
    void aSignalOfTheWrongViolationCountsAgainstThatViolation() {
        report.add(signal("news", Violation.BULK_MESSAGING, 0.9));

        assertThat(report.metrics(Violation.BULK_MESSAGING).fp()).isEqualTo(1);
        assertThat(report.metrics(Violation.NON_PERSONAL_USE).fn()).isEqualTo(1);
    }

    @Test
    void withoutSignalsPrecisionIsOneAndRecallZero() {
        QualityReport.Metrics m = report.metrics(Violation.AUTOMATED_BEHAVIOR);
        assertThat(m.recall()).isEqualTo(1.0); // nobody is automated: nothing to find
        assertThat(report.metrics(Violation.BULK_MESSAGING).recall()).isZero();
        assertThat(report.metrics(Violation.BULK_MESSAGING).precision()).isEqualTo(1.0);
    }

    @Test
    void countsLegitimateAccountsAtAutoBanLevelAndIgnoresUnlabelledOnes() {
        report.add(signal("shop", Violation.AUTOMATED_BEHAVIOR, 0.95));
        report.add(signal("u2", Violation.USER_REPORTED, 0.6));
        report.add(signal("stranger", Violation.BULK_MESSAGING, 0.99));

        assertThat(report.legitimateAtAutoBanLevel()).isEqualTo(1);
        assertThat(report.personas()).filteredOn(r -> r.persona() == Persona.ORDINARY).singleElement()
                .satisfies(r -> {
                    assertThat(r.accounts()).isEqualTo(2);
                    assertThat(r.flagged()).isEqualTo(1);
                    assertThat(r.autoBanLevel()).isZero();
                });
        assertThat(report.render()).contains("legitimate accounts at auto-ban level (must be 0): 1");
    }

    @Test
    void aBulkSignalFromEightyWithinTheFirstHourCountsAsAutoBanLevelLikeCaseServicesPolicy() {
        Instant registered = Instant.parse("2026-11-22T10:00:00Z");
        report.add(young("u1", registered, registered.plusSeconds(3000), Violation.BULK_MESSAGING));
        report.add(young("u2", registered, registered.plusSeconds(4000), Violation.BULK_MESSAGING)); // older than 1 h
        report.add(young("shop", registered, registered.plusSeconds(60), Violation.NON_PERSONAL_USE)); // not banned so

        assertThat(report.legitimateAtAutoBanLevel()).isEqualTo(1);
    }

    private static DetectionSignal young(String account, Instant registered, Instant at, Violation v) {
        return new DetectionSignal("id-" + account, account, v, 0.85, "r", 1, new DetectionSignal.Window(at, at),
                Map.of(), List.of(), List.of(), new DetectionSignal.AccountContext("PRIVATE", "OFFICIAL_APP", null,
                        registered, null, null), "s", at, at);
    }

    private static DetectionSignal signal(String account, Violation v, double score) {
        return new DetectionSignal("id-" + account, account, v, score, "r", 1,
                new DetectionSignal.Window(Instant.EPOCH, Instant.EPOCH), Map.of(), List.of(), List.of(), null, "s",
                Instant.EPOCH, Instant.EPOCH);
    }
}
