package dev.warden.detection.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Fingerprint hashes live in the changelog: a faster computation must give every old value. */
class FingerprintHashTest {

    @Test
    void equalsTheCharacterByCharacterPolynomialForEveryLength() {
        Random r = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int len = r.nextInt(100); len > 0; len--) {
                b.append(r.nextInt(10) == 0 ? (char) r.nextInt(Character.MAX_VALUE) : "0123456789abcdef".charAt(r.nextInt(16)));
            }
            String fingerprint = b.toString();
            assertThat(FeatureUpdater.fingerprintHash(fingerprint)).as(fingerprint).isEqualTo(reference(fingerprint));
        }
    }

    @Test
    void keepsTheValueOfAKnownFingerprint() {
        // the seed and the multiplier are part of every stored hash
        assertThat(FeatureUpdater.fingerprintHash("")).isEqualTo(1125899906842597L);
        assertThat(FeatureUpdater.fingerprintHash("a")).isEqualTo(1125899906842597L * 31 + 'a');
    }

    private static long reference(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }
}
