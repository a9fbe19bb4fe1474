package dev.warden.detection.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The guard skips its clean-up when nothing kept is old enough to leave; it must decide and keep exactly what the
 * plain version (clean up on every event) would, through late events, replays and a full guard.
 */
class ReplayGuardTest {

    private static final long GRACE = 60_000;

    /** The guard without the shortcut: every event filters the entries by second, the oldest leave when full. */
    private static final class Plain {
        final List<long[]> entries = new ArrayList<>(); // {digest, second}

        boolean remember(String id, long at, long watermark) {
            long lateBefore = watermark > 0 ? watermark - GRACE : Long.MIN_VALUE;
            if (lateBefore != Long.MIN_VALUE) {
                long firstKept = Math.floorDiv(lateBefore, 1000);
                entries.removeIf(e -> e[1] < firstKept);
            }
            long digest = ReplayGuard.digest(id);
            if (entries.stream().anyMatch(e -> e[0] == digest)) {
                return false;
            }
            if (at >= lateBefore) {
                if (entries.size() == ReplayGuard.CAPACITY) {
                    entries.remove(0);
                }
                entries.add(new long[] {digest, Math.floorDiv(at, 1000)});
            }
            return true;
        }
    }

    @Test
    void decidesAndKeepsWhatTheGuardWithoutTheShortcutWould() {
        Random random = new Random(5);
        for (int account = 0; account < 200; account++) {
            ReplayGuard guard = new ReplayGuard();
            Plain plain = new Plain();
            long watermark = 0;
            long clock = 1_700_000_000_000L;
            int rate = 1 + random.nextInt(2_000); // ms between events: bursts to a quiet sender
            for (int event = 0; event < 400; event++) {
                clock += random.nextInt(rate);
                long at = random.nextInt(10) == 0 ? clock - random.nextInt(120_000) : clock; // some late
                String id = "e-" + (random.nextInt(5) == 0 ? random.nextInt(Math.max(1, event)) : event); // replays
                boolean expected = plain.remember(id, at, watermark);
                assertEquals(expected, guard.remember(id, at, watermark, GRACE), "account " + account + " event " + event);
                assertEquals(plain.entries.size(), guard.size());
                for (int i = 0; i < guard.size(); i++) {
                    assertEquals(plain.entries.get(i)[0], guard.digestAt(i));
                    assertEquals(plain.entries.get(i)[1], guard.atSecondAt(i));
                }
                if (expected && at >= watermark - GRACE) {
                    watermark = Math.max(watermark, at);
                }
            }
        }
    }
}
