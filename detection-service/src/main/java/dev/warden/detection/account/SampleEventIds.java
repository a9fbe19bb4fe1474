package dev.warden.detection.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The ids of an account's newest messages, oldest first: the evidence a signal names. An id that is a canonical
 * UUID (what {@code UUID.toString} writes: 8-4-4-4-12 lower-case hex digits) is kept as its two longs, read once
 * when it is added. The changelog stores it as those 16 bytes, so writing the state at a commit reads no id's
 * text again, and the state holds one small array instead of a String and its bytes per id. Any other id is
 * kept as text, in a second array made only when the first such id arrives.
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

    /**
     * Two longs per id, its most and its least significant bits: one array, so that an event touches one cold
     * array here, not three.
     */
    private long[] bits = new long[8];
    /** Null until an id that is not a UUID arrives (the producing services send UUIDs); then null where it is. */
    private String[] text;
    private int size;

    public int size() {
        return size;
    }

    /** Appends {@code id}; then only the newest {@code keep} stay. */
    public void add(String id, int keep) {
        int at = slot();
        if (!uuid(id, at)) {
            text(at, id);
        }
        keepNewest(keep);
    }

    /** Appends a UUID given as its two longs (as the changelog stores it). */
    public void addUuid(long mostSignificant, long leastSignificant) {
        int at = slot();
        bits[2 * at] = mostSignificant;
        bits[2 * at + 1] = leastSignificant;
    }

    /** Appends an id kept as text. */
    public void addText(String id) {
        text(slot(), id); // slot() first: it may replace the arrays
    }

    /** @param i 0 = the oldest */
    public boolean isUuid(int i) {
        return text == null || text[i] == null;
    }

    public long mostSignificantBits(int i) {
        return bits[2 * i];
    }

    public long leastSignificantBits(int i) {
        return bits[2 * i + 1];
    }

    /** @param i 0 = the oldest */
    public String get(int i) {
        return isUuid(i) ? new UUID(mostSignificantBits(i), leastSignificantBits(i)).toString() : text[i];
    }

    public List<String> toList() {
        List<String> ids = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ids.add(get(i));
        }
        return List.copyOf(ids);
    }

    private void text(int at, String id) {
        if (text == null) {
            text = new String[bits.length / 2];
        }
        text[at] = id;
    }

    private int slot() {
        if (2 * size == bits.length) {
            bits = Arrays.copyOf(bits, 2 * bits.length);
            if (text != null) {
                text = Arrays.copyOf(text, bits.length / 2);
            }
        }
        return size++; // past size every text slot is null: keepNewest clears what it moves down
    }

    private void keepNewest(int keep) {
        int drop = size - Math.max(0, keep);
        if (drop <= 0) {
            return;
        }
        size -= drop;
        System.arraycopy(bits, 2 * drop, bits, 0, 2 * size);
        if (text != null) {
            System.arraycopy(text, drop, text, 0, size);
            Arrays.fill(text, size, size + drop, null);
        }
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
        bits[2 * at] = h;
        bits[2 * at + 1] = l;
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
