package dev.warden.detection.account;

import java.util.Arrays;

/**
 * The time buckets of one scale (seconds, five-minute slots or hours), sorted by key, oldest first. Keys and
 * counters sit in two flat arrays, not in an object per bucket: every event reads the newest bucket and the
 * features read them all, and an account's buckets are then a few cache lines instead of a pointer chase.
 */
public final class Buckets {

    private final int fields;
    private long[] keys;
    /** {@code fields} counters per bucket, bucket {@code i} at {@code i * fields}. */
    private int[] counts;
    private int size;

    /** @param fields counters per bucket */
    public Buckets(int fields) {
        this.fields = fields;
        this.keys = new long[4];
        this.counts = new int[4 * fields];
    }

    public int size() {
        return size;
    }

    /** @param i 0 = the oldest */
    public long key(int i) {
        return keys[i];
    }

    public int count(int i, int field) {
        return counts[i * fields + field];
    }

    public void add(int i, int field, int delta) {
        counts[i * fields + field] += delta;
    }

    /**
     * The index of the bucket for {@code key}, inserted in place if missing. Most events fall in the newest bucket:
     * that test stays small enough to inline; the search and the insertion are out of line.
     */
    public int bucket(long key) {
        int last = size - 1;
        if (last >= 0 && keys[last] == key) {
            return last;
        }
        return insert(key);
    }

    private int insert(long key) {
        int i = size - 1;
        while (i >= 0 && keys[i] > key) {
            i--;
        }
        if (i >= 0 && keys[i] == key) {
            return i;
        }
        int at = i + 1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            counts = Arrays.copyOf(counts, size * 2 * fields);
        }
        System.arraycopy(keys, at, keys, at + 1, size - at);
        System.arraycopy(counts, at * fields, counts, (at + 1) * fields, (size - at) * fields);
        keys[at] = key;
        Arrays.fill(counts, at * fields, (at + 1) * fields, 0);
        size++;
        return at;
    }

    /** Room for {@code n} buckets and a few more: a state read back holds its buckets without growing twice. */
    void reserve(int n) {
        int capacity = n + (n >> 1) + 1;
        if (capacity > keys.length) {
            keys = Arrays.copyOf(keys, capacity);
            counts = Arrays.copyOf(counts, capacity * fields);
        }
    }

    /** Removes the buckets whose key is below {@code horizon}. The usual case, nothing to remove, inlines. */
    public void dropBefore(long horizon) {
        if (size > 0 && keys[0] < horizon) {
            drop(horizon);
        }
    }

    private void drop(long horizon) {
        int expired = 1;
        while (expired < size && keys[expired] < horizon) {
            expired++;
        }
        int kept = size - expired;
        System.arraycopy(keys, expired, keys, 0, kept);
        System.arraycopy(counts, expired * fields, counts, 0, kept * fields);
        size = kept;
    }
}
