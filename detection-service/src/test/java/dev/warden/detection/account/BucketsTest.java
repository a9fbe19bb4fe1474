package dev.warden.detection.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The flat buckets must read like a map sorted by key: found or inserted in place, counted, expired as a prefix. */
class BucketsTest {

    private static final int FIELDS = 3;

    @Test
    void readsLikeASortedMapThroughInsertsInTheMiddleGrowthAndExpiry() {
        Random random = new Random(13);
        Buckets buckets = new Buckets(FIELDS);
        TreeMap<Long, int[]> model = new TreeMap<>();
        long newest = 1_000;
        for (int step = 0; step < 100_000; step++) {
            int what = random.nextInt(100);
            if (what < 2) {
                long horizon = newest - random.nextInt(80);
                buckets.dropBefore(horizon);
                model.headMap(horizon).clear();
            } else {
                // mostly the newest key or the next; sometimes a late one, anywhere in the window
                long key = what < 60 ? newest : what < 85 ? ++newest : newest - random.nextInt(60);
                int field = random.nextInt(FIELDS);
                int delta = random.nextInt(1_000) - 100;
                buckets.add(buckets.bucket(key), field, delta);
                model.computeIfAbsent(key, k -> new int[FIELDS])[field] += delta;
            }
            assertSame(model, buckets, step);
        }
    }

    @Test
    void aBucketInsertedWhereAnExpiredOneWasStartsAtZero() {
        Buckets buckets = new Buckets(2);
        for (long key = 1; key <= 9; key++) {
            int b = buckets.bucket(key);
            buckets.add(b, 0, 7);
            buckets.add(b, 1, 5);
        }
        buckets.dropBefore(9);
        int b = buckets.bucket(10);
        assertEquals(1, b);
        assertEquals(0, buckets.count(b, 0));
        assertEquals(0, buckets.count(b, 1));
        int late = buckets.bucket(8);
        assertEquals(0, late);
        assertEquals(0, buckets.count(late, 0));
        assertEquals(7, buckets.count(1, 0), "the bucket for 9 moved up, its counts with it");
    }

    private static void assertSame(TreeMap<Long, int[]> model, Buckets buckets, int step) {
        assertEquals(model.size(), buckets.size(), "step " + step);
        int i = 0;
        for (Map.Entry<Long, int[]> e : model.entrySet()) {
            assertEquals(e.getKey(), buckets.key(i), "step " + step + ", bucket " + i);
            for (int f = 0; f < FIELDS; f++) {
                assertEquals(e.getValue()[f], buckets.count(i, f), "step " + step + ", bucket " + i + ", field " + f);
            }
            i++;
        }
    }
}
