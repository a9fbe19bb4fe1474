package dev.warden.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.warden.local.PlatformState.Counts;

class SettlingTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void settlesOnceBansExistNoMailIsPendingAndNothingMovedForTheQuietTime() {
        Settling settling = new Settling(20 * SECOND);
        Counts done = new Counts(10, 8, 5, 5, 0);
        assertThat(settling.settled(done, 0)).isFalse();
        assertThat(settling.settled(done, 19 * SECOND)).isFalse();
        assertThat(settling.settled(done, 20 * SECOND)).isTrue();
    }

    @Test
    void anyMovementRestartsTheQuietTime() {
        Settling settling = new Settling(20 * SECOND);
        settling.settled(new Counts(10, 8, 5, 4, 1), 0);
        assertThat(settling.settled(new Counts(10, 8, 5, 5, 0), 15 * SECOND)).isFalse();
        assertThat(settling.settled(new Counts(10, 8, 5, 5, 0), 30 * SECOND)).isFalse();
        assertThat(settling.settled(new Counts(10, 8, 5, 5, 0), 35 * SECOND)).isTrue();
    }

    @Test
    void neverSettlesWithoutBansOrWithMailsPending() {
        Settling noBans = new Settling(20 * SECOND);
        noBans.settled(new Counts(3, 3, 0, 0, 0), 0);
        assertThat(noBans.settled(new Counts(3, 3, 0, 0, 0), 600 * SECOND)).isFalse();
        Settling pending = new Settling(20 * SECOND);
        pending.settled(new Counts(3, 3, 2, 1, 1), 0);
        assertThat(pending.settled(new Counts(3, 3, 2, 1, 1), 600 * SECOND)).isFalse();
    }
}
