package dev.warden.detection.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SightingDedupeTest {

    @Test
    void forwardsTheFirstSightingPerAccountFingerprintAndBucket() {
        long bucket = SightingDedupe.BUCKET_MILLIS;
        SightingDedupe d = new SightingDedupe();
        assertThat(d.shouldForward("a", "f", 1_000)).isTrue();
        assertThat(d.shouldForward("a", "f", 2_000)).isFalse();
        assertThat(d.shouldForward("a", "f", 500)).as("an earlier event of the same bucket").isFalse();
        assertThat(d.shouldForward("a", "g", 2_000)).as("other fingerprint").isTrue();
        assertThat(d.shouldForward("b", "f", 2_000)).as("other account").isTrue();
        assertThat(d.shouldForward("a", "f", bucket)).as("next bucket").isTrue();
        assertThat(d.shouldForward("a", "f", bucket + 2_000)).isFalse();
        assertThat(d.shouldForward("a", "f", bucket - 1)).as("a late event of the previous bucket").isTrue();
    }

    @Test
    void staysBoundedAndAForgottenEntryIsForwardedAgain() {
        SightingDedupe d = new SightingDedupe(3);
        for (int i = 0; i < 10; i++) {
            d.shouldForward("acc" + i, "f", 0);
        }
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.shouldForward("acc0", "f", 1)).as("evicted: forwarded again, harmless").isTrue();
        assertThat(d.shouldForward("acc9", "f", 1)).as("recent: still known").isFalse();
    }
}
