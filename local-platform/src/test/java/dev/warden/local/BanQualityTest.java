package dev.warden.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.warden.simulator.Label;
import dev.warden.simulator.Persona;

class BanQualityTest {

    private static final List<Label> LABELS = List.of(Label.of("a", Persona.CAMPAIGN), Label.of("b", Persona.CAMPAIGN),
            Label.of("c", Persona.CAMPAIGN), Label.of("d", Persona.CAMPAIGN), Label.of("n", Persona.ORDINARY));

    @Test
    void measuresBansAgainstTheLabelledViolators() {
        BanQuality q = BanQuality.of(LABELS, Set.of("a", "b", "c", "n"));
        assertThat(q.violators()).isEqualTo(4);
        assertThat(q.correct()).isEqualTo(3);
        assertThat(q.precision()).isEqualTo(0.75);
        assertThat(q.recall()).isEqualTo(0.75);
        assertThat(q.bannedByPersona()).containsEntry(Persona.CAMPAIGN, 3L).containsEntry(Persona.ORDINARY, 1L);
        assertThat(q.render()).contains("precision 0.75 (3 of 4 correct, 1 false positives), recall 0.75 (3 of 4 violators)");
    }

    @Test
    void noBansIsZeroPrecisionNotADivisionByZero() {
        BanQuality q = BanQuality.of(LABELS, Set.of());
        assertThat(q.precision()).isZero();
        assertThat(q.recall()).isZero();
    }
}
