package dev.warden.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;

class ForgedSignalTest {

    @Test
    void forgedSignalIsAWellFormedConclusiveSignalMailingTheAttacker() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        DetectionSignal read = WardenJson.read(WardenJson.write(ForgedSignal.signal("acc:r1:forged-victim", now)),
                DetectionSignal.class);
        assertThat(read.accountId()).isEqualTo("acc:r1:forged-victim");
        assertThat(read.violation()).isEqualTo(Violation.BULK_MESSAGING);
        assertThat(read.score()).isGreaterThan(0.9);
        assertThat(read.window().end()).isEqualTo(now);
        assertThat(read.account().contactEmail()).isEqualTo("attacker@example.org");
    }
}
