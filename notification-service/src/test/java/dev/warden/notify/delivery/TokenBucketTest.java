package dev.warden.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void grantsTheBurstThenOnlyWhatFlowedInSince() {
        TokenBucket bucket = new TokenBucket(10, 5, nanos::get);

        assertThat(bucket.take(50)).isEqualTo(5);
        assertThat(bucket.take(50)).isZero();
        advanceMillis(250); // 10/s for 0.25 s = 2.5 tokens
        assertThat(bucket.take(50)).isEqualTo(2);
        advanceMillis(50); // 0.5 left + 0.5 = 1
        assertThat(bucket.take(50)).isEqualTo(1);
    }

    @Test
    void neverHoldsMoreThanTheBurstAfterAQuietPeriod() {
        TokenBucket bucket = new TokenBucket(100, 20, nanos::get);
        bucket.take(20);

        advanceMillis(60_000);

        assertThat(bucket.take(1_000)).isEqualTo(20);
    }

    @Test
    void tokensGivenBackCanBeTakenAgainUpToTheBurst() {
        TokenBucket bucket = new TokenBucket(1, 10, nanos::get);
        assertThat(bucket.take(10)).isEqualTo(10);

        bucket.giveBack(7);
        bucket.giveBack(100);

        assertThat(bucket.take(50)).isEqualTo(10);
    }

    @Test
    void sustainedRateMatchesTheConfiguration() {
        TokenBucket bucket = new TokenBucket(50, 1, nanos::get);
        int granted = 0;
        for (int tick = 0; tick < 1000; tick++) { // 10 s in 10 ms ticks
            advanceMillis(10);
            granted += bucket.take(100);
        }
        assertThat(granted).isBetween(495, 501);
    }

    @Test
    void rejectsANonsensicalConfiguration() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, nanos::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, nanos::get)).isInstanceOf(IllegalArgumentException.class);
    }

    private void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }
}
