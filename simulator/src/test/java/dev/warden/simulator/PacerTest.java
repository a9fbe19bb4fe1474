package dev.warden.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void spacesEventsEvenlyFromTheFirst() {
        Pacer pacer = new Pacer(1000);
        assertThat(pacer.waitNanos(0, 0)).isZero();
        assertThat(pacer.waitNanos(10, 0)).isEqualTo(10_000_000L);
        assertThat(pacer.waitNanos(10, 4_000_000L)).isEqualTo(6_000_000L);
    }

    @Test
    void aSenderBehindScheduleDoesNotWait() {
        assertThat(new Pacer(1000).waitNanos(10, 50_000_000L)).isZero();
    }

    @Test
    void rateZeroIsUnlimited() {
        assertThat(new Pacer(0).waitNanos(1_000_000, 0)).isZero();
    }
}
