package dev.warden.detection.account;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import dev.warden.detection.account.AccountState.Hour;
import dev.warden.detection.account.AccountState.Second;
import dev.warden.detection.account.AccountState.Slot;

/**
 * Compact binary serde for the account state store and its changelog: varints relative to the
 * watermark, UUID event ids as 16 bytes. JSON would cost 3-4× the bytes per active account and
 * needs reflection. The leading version byte lets a later layout read this one: layouts 2 and 3 (32-bit
 * replay-guard hashes) and 4 (8-byte digests) are still read. Layout 5 keeps a bot in a burst small: each
 * second bucket is its distance to the previous one and its two counts packed in one varint (two bytes, was
 * four), replay digests take 6 bytes, rule times and the silence are varints relative to the watermark, account and client types and the
 * built-in rules' ids one byte each.
 */
public class AccountStateSerde implements Serde<AccountState> {

    private static final int VERSION = 5;
    /** The layout with 8-byte replay digests, absolute second offsets and fixed-width rule times: still readable. */
    private static final int VERSION_4 = 4;
    /** The layout with 32-bit replay-guard hashes: still readable. */
    private static final int VERSION_3 = 3;
    /** The layout before hour buckets, broadcast reach and the silence start: still readable. */
    private static final int VERSION_2 = 2;

    /*
     * Values written as their position in these lists (one byte), others as text. Append only: a stored state
     * names a value by its position.
     */
    public static final List<String> ACCOUNT_TYPES = List.of("PRIVATE", "BUSINESS");
    public static final List<String> CLIENT_TYPES = List.of("OFFICIAL_APP", "BUSINESS_APP", "BUSINESS_API", "UNOFFICIAL_CLIENT");
    /** The built-in rules' ids (AccountStateSerdeTest checks each built-in rule is here). */
    public static final List<String> RULE_IDS = List.of("bulk.registration-burst", "bulk.stranger-outreach",
            "bulk.coordinated-campaign", "bulk.daily-stranger-reach", "bulk.repeated-content-reach",
            "bulk.young-account-outreach", "automated.machine-timing", "automated.round-the-clock",
            "automated.sustained-cadence", "nonpersonal.promotional-broadcast", "nonpersonal.broadcast-reach",
            "reported.distinct-reporters", "reported.reports-from-strangers");

    @Override
    public Serializer<AccountState> serializer() {
        return (topic, state) -> state == null ? null : write(state);
    }

    @Override
    public Deserializer<AccountState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    /*
     * The writer is split by section: as one method it passed C2's inlining budget (DesiredMethodLimit) halfway,
     * and every later varint, iterator and UUID digit became a call (a state took 4-5 µs to write, its read 1 µs).
     */
    public static byte[] write(AccountState s) {
        Out out = new Out(1024); // nearly every state fits: no copy while writing
        out.writeByte(VERSION);
        long w = s.watermarkMillis;
        out.varlong(w);
        out.varlong(s.registeredAtMillis == 0 ? 0 : w - s.registeredAtMillis + 1);
        out.known(s.accountType, ACCOUNT_TYPES);
        out.known(s.clientType, CLIENT_TYPES);
        out.text(s.country);
        out.text(s.contactEmail);
        out.text(s.locale);
        long wSecond = Math.floorDiv(w, 1000);
        writeSeconds(out, s.seconds, wSecond);
        writeBuckets(out, s.slots, Slot.FIELDS, Math.floorDiv(wSecond, AccountState.SLOT_SECONDS));
        writeBuckets(out, s.hours, Hour.FIELDS, Math.floorDiv(wSecond, AccountState.HOUR_SECONDS));
        out.varlong(s.lastMessageMillis == 0 ? 0 : w - s.lastMessageMillis + 1);
        writeIntervals(out, s.intervalsMillis);
        writeFingerprints(out, s.fingerprints, w);
        writeReporters(out, s.reporters, w);
        out.varint(s.campaignAccounts);
        out.varlong(s.campaignSeenMillis == 0 ? 0 : w - s.campaignSeenMillis + 1);
        writeReplayGuard(out, s.replayGuard, wSecond);
        writeSampleIds(out, s.sampleEventIds);
        writeLastFired(out, s.lastFiredMillis, w);
        out.writeByte((s.silencedUntilMillis != 0 ? 1 : 0) | (s.silencedFromMillis != 0 ? 2 : 0));
        if (s.silencedUntilMillis != 0) {
            out.varlong(s.silencedUntilMillis - w);
        }
        if (s.silencedFromMillis != 0) {
            out.varlong(w - s.silencedFromMillis);
        }
        return out.toByteArray();
    }

    private static void writeSeconds(Out out, Buckets seconds, long wSecond) {
        out.varint(seconds.size());
        long previous = wSecond;
        for (int i = 0; i < seconds.size(); i++) {
            long second = seconds.key(i);
            out.varlong(previous - second);
            previous = second;
            out.counts(seconds.count(i, Second.MESSAGES), seconds.count(i, Second.NON_CONTACT_RECIPIENTS));
        }
    }

    /** Each bucket: its distance from the newest key, then its counters in field order. */
    private static void writeBuckets(Out out, Buckets buckets, int fields, long newest) {
        out.varint(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            out.varlong(newest - buckets.key(i));
            for (int f = 0; f < fields; f++) {
                out.varint(buckets.count(i, f));
            }
        }
    }

    private static void readBuckets(In in, Buckets buckets, int fields, long newest) {
        int n = in.varint();
        buckets.reserve(Math.min(n, in.remaining() / (1 + fields))); // a bucket takes a byte per number at least
        for (int i = n; i > 0; i--) {
            int b = buckets.bucket(newest - in.varlong());
            for (int f = 0; f < fields; f++) {
                buckets.add(b, f, in.varint());
            }
        }
    }

    private static void writeIntervals(Out out, AccountState.Intervals intervals) {
        out.varint(intervals.size());
        for (int k = 0; k < intervals.size(); k++) {
            out.varint(intervals.get(k));
        }
    }

    private static void writeFingerprints(Out out, AccountState.Fingerprints fingerprints, long w) {
        out.varint(fingerprints.size());
        for (int i = 0; i < fingerprints.size(); i++) {
            out.writeLong(fingerprints.hash(i));
            out.varint(fingerprints.messages(i));
            out.varint(fingerprints.nonContactRecipients(i));
            out.varlong(w - fingerprints.lastSeenMillis(i));
        }
    }

    private static void writeReporters(Out out, List<AccountState.Reporter> reporters, long w) {
        out.varint(reporters.size());
        for (int i = 0; i < reporters.size(); i++) {
            AccountState.Reporter r = reporters.get(i);
            out.writeInt(r.hash);
            out.varlong(w - r.atMillis);
        }
    }

    private static void writeReplayGuard(Out out, ReplayGuard guard, long wSecond) {
        out.varint(guard.size());
        long previous = wSecond;
        for (int i = 0; i < guard.size(); i++) {
            out.writeDigest(guard.digestAt(i));
            out.varlong(previous - guard.atSecondAt(i));
            previous = guard.atSecondAt(i);
        }
    }

    /** A canonical UUID as 1 and its 16 bytes, any other id as 0 and its text. */
    private static void writeSampleIds(Out out, SampleEventIds ids) {
        out.varint(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (ids.isUuid(i)) {
                out.writeByte(1);
                out.writeLong(ids.mostSignificantBits(i));
                out.writeLong(ids.leastSignificantBits(i));
            } else {
                out.writeByte(0);
                out.text(ids.get(i));
            }
        }
    }

    private static void writeLastFired(Out out, Map<String, Long> lastFired, long w) {
        out.varint(lastFired.size());
        for (var e : lastFired.entrySet()) {
            out.known(e.getKey(), RULE_IDS);
            out.varlong(w - e.getValue());
        }
    }

    public static AccountState read(byte[] data) {
        try {
            In in = new In(data);
            int version = in.readByte();
            if (version != VERSION && version != VERSION_4 && version != VERSION_3 && version != VERSION_2) {
                throw new SerializationException("unknown account state layout " + version);
            }
            AccountState s = new AccountState();
            long w = in.varlong();
            s.watermarkMillis = w;
            long reg = in.varlong();
            s.registeredAtMillis = reg == 0 ? 0 : w - reg + 1;
            s.accountType = version == VERSION ? in.known(ACCOUNT_TYPES) : in.text();
            s.clientType = version == VERSION ? in.known(CLIENT_TYPES) : in.text();
            s.country = in.text();
            s.contactEmail = in.text();
            s.locale = in.text();
            long wSecond = Math.floorDiv(w, 1000);
            long previous = wSecond;
            int seconds = in.varint();
            s.seconds.reserve(Math.min(seconds, in.remaining() / 2)); // its distance and its counts, a byte each at least
            for (int i = seconds; i > 0; i--) {
                if (version == VERSION) {
                    previous -= in.varlong();
                    in.counts(s.seconds, s.seconds.bucket(previous));
                } else {
                    int b = s.seconds.bucket(wSecond - in.varlong());
                    s.seconds.add(b, Second.MESSAGES, in.varint());
                    s.seconds.add(b, Second.NON_CONTACT_RECIPIENTS, in.varint());
                }
            }
            long wSlot = Math.floorDiv(wSecond, AccountState.SLOT_SECONDS);
            // layout 2 had no fanout reach in its slots and no hour buckets
            readBuckets(in, s.slots, version == VERSION_2 ? Slot.FIELDS - 1 : Slot.FIELDS, wSlot);
            if (version != VERSION_2) {
                readBuckets(in, s.hours, Hour.FIELDS, Math.floorDiv(wSecond, AccountState.HOUR_SECONDS));
            }
            long last = in.varlong();
            s.lastMessageMillis = last == 0 ? 0 : w - last + 1;
            for (int i = in.varint(); i > 0; i--) {
                s.intervalsMillis.add(in.varint());
            }
            int fingerprints = in.varint();
            if (fingerprints > AccountState.MAX_FINGERPRINTS) {
                throw new SerializationException("account state holds " + fingerprints + " fingerprints, at most "
                        + AccountState.MAX_FINGERPRINTS + " are kept");
            }
            for (int i = fingerprints; i > 0; i--) {
                long hash = in.readLong();
                int messages = in.varint();
                int strangers = in.varint();
                s.fingerprints.add(hash, messages, strangers, w - in.varlong());
            }
            for (int i = in.varint(); i > 0; i--) {
                AccountState.Reporter r = new AccountState.Reporter();
                r.hash = in.readInt();
                r.atMillis = w - in.varlong();
                s.reporters.add(r);
            }
            s.campaignAccounts = in.varint();
            long campaign = in.varlong();
            s.campaignSeenMillis = campaign == 0 ? 0 : w - campaign + 1;
            previous = wSecond;
            for (int i = in.varint(); i > 0; i--) {
                if (version == VERSION) {
                    long digest = in.readDigest();
                    previous -= in.varlong();
                    s.replayGuard.add(digest, previous);
                } else if (version == VERSION_4) {
                    s.replayGuard.add(ReplayGuard.narrow(in.readLong()), wSecond - in.varlong());
                } else { // a 32-bit hash, zero-extended; kept as long as an event at the watermark would be
                    s.replayGuard.add(in.readInt() & 0xFFFF_FFFFL, wSecond);
                }
            }
            for (int i = in.varint(); i > 0; i--) {
                if (in.readByte() == 1) {
                    s.sampleEventIds.addUuid(in.readLong(), in.readLong());
                } else {
                    s.sampleEventIds.addText(in.text());
                }
            }
            for (int i = in.varint(); i > 0; i--) {
                if (version == VERSION) {
                    String rule = in.known(RULE_IDS);
                    s.lastFiredMillis.put(rule, w - in.varlong());
                } else {
                    s.lastFiredMillis.put(in.text(), in.readLong());
                }
            }
            if (version == VERSION) {
                int silence = in.readByte();
                s.silencedUntilMillis = (silence & 1) != 0 ? w + in.varlong() : 0;
                s.silencedFromMillis = (silence & 2) != 0 ? w - in.varlong() : 0;
            } else {
                s.silencedUntilMillis = in.readLong();
                s.silencedFromMillis = version == VERSION_2 ? 0 : in.readLong();
            }
            return s;
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new SerializationException("cannot read account state", e);
        }
    }

    /** Big-endian writer on a growing array: what DataOutputStream over a ByteArrayOutputStream wrote, minus the layers. */
    private static final class Out {
        private byte[] buf;
        private int pos;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void ensure(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void writeByte(int b) {
            ensure(1);
            buf[pos++] = (byte) b;
        }

        void writeInt(int v) {
            bigEndian(v, 4);
        }

        void writeLong(long v) {
            bigEndian(v, 8);
        }

        /** The low {@code bytes} bytes of {@code v}, most significant first. */
        private void bigEndian(long v, int bytes) {
            ensure(bytes);
            byte[] b = buf;
            int p = pos;
            for (int shift = 8 * bytes - 8; shift >= 0; shift -= 8) {
                b[p++] = (byte) (v >>> shift);
            }
            pos = p;
        }

        void varint(int v) {
            varlong(v);
        }

        /** A replay digest: its low 48 bits ({@link ReplayGuard#narrow}), big-endian. */
        void writeDigest(long d) {
            bigEndian(d, 6);
        }

        /** A bucket's two counts in one varint while both are small: messages × 8 + min(strangers, 7), then the rest. */
        void counts(int messages, int strangers) {
            boolean small = strangers >= 0 && strangers < 7;
            varlong((long) messages << 3 | (small ? strangers : 7));
            if (!small) {
                varlong(strangers - 7L);
            }
        }

        /** Zig-zag varint: small magnitudes, either sign, take one or two bytes. */
        void varlong(long v) {
            ensure(10);
            byte[] b = buf; // locals: the fields would be stored and reloaded at every byte
            int p = pos;
            long z = (v << 1) ^ (v >> 63);
            while ((z & ~0x7FL) != 0) {
                b[p++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            b[p++] = (byte) z;
            pos = p;
        }

        /** 0: null; k > 0: the k-th entry of known; -1 - n: n bytes of UTF-8 text follow. */
        void known(String s, List<String> known) {
            int i = s == null ? -1 : known.indexOf(s);
            if (s == null || i >= 0) {
                varint(i + 1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(-1 - b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        void text(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length + 1);
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, pos);
        }
    }

    /** Reader of {@link Out}'s layout; running past the end throws ArrayIndexOutOfBoundsException. */
    private static final class In {
        private final byte[] data;
        private int pos;

        In(byte[] data) {
            this.data = data;
        }

        /** Bytes not read yet: a count read is believed only as far as they could hold its entries. */
        int remaining() {
            return data.length - pos;
        }

        int readByte() {
            return data[pos++];
        }

        int readInt() {
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = v << 8 | (data[pos++] & 0xFF);
            }
            return v;
        }

        long readLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | (data[pos++] & 0xFF);
            }
            return v;
        }

        long readDigest() {
            long v = 0;
            for (int i = 0; i < 6; i++) {
                v = v << 8 | (data[pos++] & 0xFF);
            }
            return v;
        }

        /** What {@link Out#counts} wrote, into second bucket {@code b}. */
        void counts(Buckets seconds, int b) {
            long v = varlong();
            seconds.add(b, Second.MESSAGES, (int) (v >> 3));
            seconds.add(b, Second.NON_CONTACT_RECIPIENTS, (v & 7) == 7 ? (int) (7 + varlong()) : (int) (v & 7));
        }

        int varint() {
            return (int) varlong();
        }

        long varlong() {
            long z = 0;
            int shift = 0;
            int b;
            do {
                b = data[pos++] & 0xFF;
                z |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return (z >>> 1) ^ -(z & 1);
        }

        String known(List<String> known) {
            int k = varint();
            if (k == 0) {
                return null;
            }
            if (k > 0) {
                if (k > known.size()) {
                    throw new SerializationException("unknown value " + k + " of a known-values list");
                }
                return known.get(k - 1);
            }
            int n = -1 - k;
            if (n > data.length - pos) {
                throw new ArrayIndexOutOfBoundsException("text of " + n + " bytes past the end");
            }
            String s = new String(data, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        String text() {
            int n = varint();
            if (n == 0) {
                return null;
            }
            if (n - 1 > data.length - pos) {
                throw new ArrayIndexOutOfBoundsException("text of " + (n - 1) + " bytes past the end");
            }
            String s = new String(data, pos, n - 1, StandardCharsets.UTF_8);
            pos += n - 1;
            return s;
        }
    }
}
