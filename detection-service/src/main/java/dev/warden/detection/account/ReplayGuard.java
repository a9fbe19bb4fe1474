package dev.warden.detection.account;

import java.util.Arrays;

/**
 * The event ids an account processed recently, as 48-bit digests: a replayed event changes nothing.
 * Only a replay within the late-event grace of the account's newest event could change anything (an older one
 * is dropped as late), so an entry leaves once its event falls behind the grace, and at most {@value #CAPACITY}
 * are kept (the oldest leaves first). A new event whose digest equals a kept one's is taken for a replay:
 * with ≤ {@value #CAPACITY} entries that is ≤ 64 / 2⁴⁸ ≈ 2.3 × 10⁻¹³ per event (one event in about four
 * trillion not counted; 48 bits keep a bot's state under 1 KB, 64 bits cost it 128 bytes more). The digest is
 * not cryptographic: event ids are chosen by the producing service, not by account holders.
 * <p>
 * Entries restored from layouts before 4 are the old 32-bit hashes, zero-extended; they are matched with
 * the old hash until they leave, so a changelog written before the upgrade keeps guarding its replays.
 */
public final class ReplayGuard {

    public static final int CAPACITY = 64;

    private final long[] digests = new long[CAPACITY];
    /** Event time to the second (one byte less in the changelog); an entry leaves once all of its second is late. */
    private final long[] atSeconds = new long[CAPACITY];
    private int size;
    /** The oldest second kept (none: the largest long): most events forget nothing, and need not look. */
    private long oldestSecond = Long.MAX_VALUE;

    /**
     * @param watermarkMillis the account's newest event time before this event (0: none yet)
     * @return false if this event id was seen recently (replay), true if it is new (and remembered unless it is late)
     */
    boolean remember(String eventId, long eventMillis, long watermarkMillis, long lateGraceMillis) {
        long lateBefore = watermarkMillis > 0 ? watermarkMillis - lateGraceMillis : Long.MIN_VALUE;
        forgetBefore(lateBefore);
        long digest = digest(eventId);
        long legacy = -1; // computed only if an entry from an old layout is left
        for (int i = 0; i < size; i++) {
            long d = digests[i];
            if (d == digest) {
                return false;
            }
            if (d >>> 32 == 0 && d == (legacy < 0 ? legacy = legacyDigest(eventId) : legacy)) {
                return false;
            }
        }
        if (eventMillis >= lateBefore) { // a late event is dropped anyway, and so would be its replay
            add(digest, Math.floorDiv(eventMillis, 1000));
        }
        return true;
    }

    /** The bits of a digest that are kept: a layout-4 digest restores narrowed to them. */
    static long narrow(long digest) {
        return digest & 0xFFFF_FFFF_FFFFL;
    }

    /** FNV-1a over the UTF-16 units, then MurmurHash3's finalizer so that every bit depends on every input bit; 48 bits. */
    static long digest(String eventId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < eventId.length(); i++) {
            h = (h ^ eventId.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return narrow(h ^ h >>> 33);
    }

    /** The 32-bit hash layouts 2 and 3 kept, zero-extended. */
    static long legacyDigest(String eventId) {
        return (eventId.hashCode() * 31 + eventId.length()) & 0xFFFF_FFFFL;
    }

    /** Appends an entry, the oldest leaving when full (also how the serde restores them, oldest first). */
    void add(long digest, long eventSecond) {
        if (size == CAPACITY) {
            long left = atSeconds[0];
            System.arraycopy(digests, 1, digests, 0, CAPACITY - 1);
            System.arraycopy(atSeconds, 1, atSeconds, 0, CAPACITY - 1);
            size--;
            if (left == oldestSecond) {
                oldestSecond = oldestKept();
            }
        }
        digests[size] = digest;
        atSeconds[size] = eventSecond;
        size++;
        oldestSecond = Math.min(oldestSecond, eventSecond);
    }

    private long oldestKept() {
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            oldest = Math.min(oldest, atSeconds[i]);
        }
        return oldest;
    }

    /** Forgets the entries whose whole second lies before {@code millis}: their replays would be late. */
    private void forgetBefore(long millis) {
        if (millis == Long.MIN_VALUE) {
            return;
        }
        long firstKept = Math.floorDiv(millis, 1000);
        if (firstKept <= oldestSecond) {
            return; // nothing kept is that old
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (atSeconds[i] >= firstKept) {
                digests[kept] = digests[i];
                atSeconds[kept] = atSeconds[i];
                kept++;
            }
        }
        size = kept;
        oldestSecond = oldestKept();
    }

    public int size() {
        return size;
    }

    long digestAt(int i) {
        return digests[i];
    }

    long atSecondAt(int i) {
        return atSeconds[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplayGuard g && size == g.size
                && Arrays.equals(digests, 0, size, g.digests, 0, size)
                && Arrays.equals(atSeconds, 0, size, g.atSeconds, 0, size);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(Arrays.copyOf(digests, size)) + Arrays.hashCode(Arrays.copyOf(atSeconds, size));
    }
}
