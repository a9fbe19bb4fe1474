package dev.warden.detection.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The ids of an account's newest messages, oldest first: the evidence a signal names. An id that is a canonical
 * UUID (what {@code UUID.toString} writes: 8-4-4-4-12 lower-case hex digits) is kept as its two longs, read once
 * when it is added. The changelog stores it as those 16 bytes, so writing the state at a commit reads no id's
 * text again, and the state holds three small arrays instead of a String and its bytes per id. Any other id is
 * kept as text.
 */
public final class SampleEventIds {

    /** Each lower-case hex digit's value; -1 for every other ASCII character. */
    private static final byte[] NIBBLE = new byte[128];

    static {
        Arrays.fill(NIBBLE, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            NIBBLE[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            NIBBLE[c] = (byte) (c - 'a' + 10);
        }
    }

    private long[] high = new long[4];
    private long[] low = new long[4];
    /** Null where the id is a UUID. */
    private String[] text = new String[4];
    private int size;

    public int size() {
        return size;
    }

    /** Appends {@code id}; then only the newest {@code keep} stay. */
    public void add(String id, int keep) {
        int at = slot();
        if (!uuid(id, at)) {
            text[at] = id;
        }
        keepNewest(keep);
    }

    /** Appends a UUID given as its two longs (as the changelog stores it). */
    public void addUuid(long mostSignificant, long leastSignificant) {
        int at = slot();
        high[at] = mostSignificant;
        low[at] = leastSignificant;
    }

    /** Appends an id kept as text. */
    public void addText(String id) {
        int at = slot(); // before indexing: slot() may replace the array
        text[at] = id;
    }

    /** @param i 0 = the oldest */
    public boolean isUuid(int i) {
        return text[i] == null;
    }

    public long mostSignificantBits(int i) {
        return high[i];
    }

    public long leastSignificantBits(int i) {
        return low[i];
    }

    /** @param i 0 = the oldest */
    public String get(int i) {
        return text[i] != null ? text[i] : new UUID(high[i], low[i]).toString();
    }

    public List<String> toList() {
        List<String> ids = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ids.add(get(i));
        }
        return List.copyOf(ids);
    }

    private int slot() {
        if (size == high.length) {
            high = Arrays.copyOf(high, size * 2);
            low = Arrays.copyOf(low, size * 2);
            text = Arrays.copyOf(text, size * 2);
        }
        text[size] = null;
        return size++;
    }

    private void keepNewest(int keep) {
        int drop = size - Math.max(0, keep);
        if (drop <= 0) {
            return;
        }
        size -= drop;
        System.arraycopy(high, drop, high, 0, size);
        System.arraycopy(low, drop, low, 0, size);
        System.arraycopy(text, drop, text, 0, size);
        Arrays.fill(text, size, size + drop, null);
    }

    /** Reads {@code id} into slot {@code at} if it is a canonical UUID, in one pass; false if it is not. */
    private boolean uuid(String id, int at) {
        if (id == null || id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-'
                || id.charAt(23) != '-') {
            return false;
        }
        long h = 0;
        long l = 0;
        int bad = 0; // any digit's -1 makes it negative
        for (int i = 0; i < 18; i++) {
            if (i != 8 && i != 13) {
                int d = nibble(id.charAt(i));
                bad |= d;
                h = h << 4 | (d & 0xF);
            }
        }
        for (int i = 19; i < 36; i++) {
            if (i != 23) {
                int d = nibble(id.charAt(i));
                bad |= d;
                l = l << 4 | (d & 0xF);
            }
        }
        if (bad < 0) {
            return false;
        }
        high[at] = h;
        low[at] = l;
        return true;
    }

    private static int nibble(char c) {
        return c < 128 ? NIBBLE[c] : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleEventIds other && toList().equals(other.toList());
    }

    @Override
    public int hashCode() {
        return toList().hashCode();
    }

    @Override
    public String toString() {
        return toList().toString();
    }
}
