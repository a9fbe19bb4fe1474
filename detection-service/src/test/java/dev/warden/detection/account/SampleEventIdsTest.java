package dev.warden.detection.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The sample ids hold what a list that drops its oldest beyond the limit holds, and keep an id as a UUID's two
 * longs exactly when {@code UUID} gives that id back unchanged.
 */
class SampleEventIdsTest {

    @Test
    void keepsTheNewestIdsAsTheyWereGivenAndReadsOnlyCanonicalUuidsAsLongs() {
        Random r = new Random(17);
        char[] alphabet = "0123456789abcdefABCDEFgx-é".toCharArray();
        SampleEventIds ids = new SampleEventIds();
        List<String> model = new ArrayList<>();
        int keep = 10;
        for (int n = 0; n < 50_000; n++) {
            if (r.nextInt(500) == 0) {
                keep = r.nextInt(13); // the setting changed, 0 included
            }
            StringBuilder id = new StringBuilder(new UUID(r.nextLong(), r.nextLong()).toString());
            for (int k = r.nextInt(4) - 1; k > 0; k--) {
                id.setCharAt(r.nextInt(36), alphabet[r.nextInt(alphabet.length)]);
            }
            if (r.nextInt(20) == 0) {
                id.insert(r.nextInt(37), alphabet[r.nextInt(alphabet.length)]);
            }
            ids.add(id.toString(), keep);
            model.add(id.toString());
            while (model.size() > keep) {
                model.remove(0);
            }
            assertHolds(ids, model);
        }
    }

    @Test
    void idsRestoredAsLongsOrTextKeepTheirOrderWhenNewOnesArrive() {
        Random r = new Random(23);
        for (int round = 0; round < 2_000; round++) {
            SampleEventIds ids = new SampleEventIds();
            List<String> model = new ArrayList<>();
            int restored = r.nextInt(12);
            int keep = r.nextInt(12); // the setting may have changed since the state was written, 0 included
            for (int i = 0; i < restored; i++) { // as the serde restores them: UUIDs as longs, other ids as text
                UUID uuid = new UUID(r.nextLong(), r.nextLong());
                if (r.nextInt(4) == 0) {
                    ids.addText("evt-" + uuid);
                    model.add("evt-" + uuid);
                } else {
                    ids.addUuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
                    model.add(uuid.toString());
                }
            }
            for (int n = r.nextInt(20); n > 0; n--) {
                String id = r.nextInt(6) == 0 ? "legacy-" + r.nextInt() : new UUID(r.nextLong(), r.nextLong()).toString();
                ids.add(id, keep);
                model.add(id);
                while (model.size() > keep) {
                    model.remove(0);
                }
            }
            assertHolds(ids, model);
        }
    }

    /** The ids read back as the model lists them, each kept as longs exactly when it is a canonical UUID. */
    private static void assertHolds(SampleEventIds ids, List<String> model) {
        assertThat(ids.toList()).isEqualTo(model);
        for (int i = 0; i < model.size(); i++) {
            assertThat(ids.isUuid(i)).as(model.get(i)).isEqualTo(isCanonicalUuid(model.get(i)));
        }
    }

    private static boolean isCanonicalUuid(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
