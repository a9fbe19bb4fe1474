package dev.warden.detection.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The interval ring must read like the list it replaced: the newest {@value AccountState#MAX_INTERVALS}, oldest first. */
class IntervalsTest {

    @Test
    void keepsTheNewestIntervalsOldestFirstThroughWrapsAndClears() {
        Random random = new Random(11);
        AccountState.Intervals ring = new AccountState.Intervals();
        ArrayDeque<Integer> model = new ArrayDeque<>();
        for (int step = 0; step < 50_000; step++) {
            if (random.nextInt(200) == 0) {
                ring.clear();
                model.clear();
            } else {
                int v = random.nextInt(Integer.MAX_VALUE);
                ring.add(v);
                model.addLast(v);
                if (model.size() > AccountState.MAX_INTERVALS) {
                    model.removeFirst();
                }
            }
            List<Integer> expected = List.copyOf(model);
            assertEquals(expected.size(), ring.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), ring.get(i), "step " + step + ", position " + i);
            }
        }
    }
}
