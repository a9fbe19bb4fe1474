package dev.warden.detection.account;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

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
        out.varint(s.seconds.size());
        long previous = wSecond;
        for (AccountState.SecondBucket b : s.seconds) {
            out.varlong(previous - b.second);
            previous = b.second;
            out.counts(b.messages, b.nonContactRecipients);
        }
        long wSlot = Math.floorDiv(wSecond, AccountState.SLOT_SECONDS);
        out.varint(s.slots.size());
        for (AccountState.SlotBucket b : s.slots) {
            out.varlong(wSlot - b.slot);
            out.varint(b.messages);
            out.varint(b.recipients);
            out.varint(b.nonContactRecipients);
            out.varint(b.replies);
            out.varint(b.forwards);
            out.varint(b.fanoutMessages);
            out.varint(b.fanoutNonContactRecipients);
        }
        long wHour = Math.floorDiv(wSecond, AccountState.HOUR_SECONDS);
        out.varint(s.hours.size());
        for (AccountState.HourBucket b : s.hours) {
            out.varlong(wHour - b.hour);
            out.varint(b.messages);
            out.varint(b.recipients);
            out.varint(b.nonContactRecipients);
            out.varint(b.replies);
            out.varint(b.fanoutNonContactRecipients);
        }
        out.varlong(s.lastMessageMillis == 0 ? 0 : w - s.lastMessageMillis + 1);
        out.varint(s.intervalsMillis.size());
        for (int k = 0; k < s.intervalsMillis.size(); k++) {
            out.varint(s.intervalsMillis.get(k));
        }
        out.varint(s.fingerprints.size());
        for (AccountState.FingerprintCount f : s.fingerprints) {
            out.writeLong(f.hash);
            out.varint(f.messages);
            out.varint(f.nonContactRecipients);
            out.varlong(w - f.lastSeenMillis);
        }
        out.varint(s.reporters.size());
        for (AccountState.Reporter r : s.reporters) {
            out.writeInt(r.hash);
            out.varlong(w - r.atMillis);
        }
        out.varint(s.campaignAccounts);
        out.varlong(s.campaignSeenMillis == 0 ? 0 : w - s.campaignSeenMillis + 1);
        ReplayGuard guard = s.replayGuard;
        out.varint(guard.size());
        previous = wSecond;
        for (int i = 0; i < guard.size(); i++) {
            out.writeDigest(guard.digestAt(i));
            out.varlong(previous - guard.atSecondAt(i));
            previous = guard.atSecondAt(i);
        }
        out.varint(s.sampleEventIds.size());
        for (String id : s.sampleEventIds) {
            if (isCanonicalUuid(id)) {
                out.writeByte(1);
                out.writeLong(hexLong(id, 0, 8) << 32 | hexLong(id, 9, 4) << 16 | hexLong(id, 14, 4));
                out.writeLong(hexLong(id, 19, 4) << 48 | hexLong(id, 24, 12));
            } else {
                out.writeByte(0);
                out.text(id);
            }
        }
        out.varint(s.lastFiredMillis.size());
        for (var e : s.lastFiredMillis.entrySet()) {
            out.known(e.getKey(), RULE_IDS);
            out.varlong(w - e.getValue());
        }
        out.writeByte((s.silencedUntilMillis != 0 ? 1 : 0) | (s.silencedFromMillis != 0 ? 2 : 0));
        if (s.silencedUntilMillis != 0) {
            out.varlong(s.silencedUntilMillis - w);
        }
        if (s.silencedFromMillis != 0) {
            out.varlong(w - s.silencedFromMillis);
        }
        return out.toByteArray();
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
            for (int i = in.varint(); i > 0; i--) {
                AccountState.SecondBucket b;
                if (version == VERSION) {
                    b = new AccountState.SecondBucket(previous - in.varlong());
                    previous = b.second;
                    in.counts(b);
                } else {
                    b = new AccountState.SecondBucket(wSecond - in.varlong());
                    b.messages = in.varint();
                    b.nonContactRecipients = in.varint();
                }
                s.seconds.add(b);
            }
            long wSlot = Math.floorDiv(wSecond, AccountState.SLOT_SECONDS);
            for (int i = in.varint(); i > 0; i--) {
                AccountState.SlotBucket b = new AccountState.SlotBucket(wSlot - in.varlong());
                b.messages = in.varint();
                b.recipients = in.varint();
                b.nonContactRecipients = in.varint();
                b.replies = in.varint();
                b.forwards = in.varint();
                b.fanoutMessages = in.varint();
                b.fanoutNonContactRecipients = version == VERSION_2 ? 0 : in.varint();
                s.slots.add(b);
            }
            long wHour = Math.floorDiv(wSecond, AccountState.HOUR_SECONDS);
            for (int i = version == VERSION_2 ? 0 : in.varint(); i > 0; i--) {
                AccountState.HourBucket b = new AccountState.HourBucket(wHour - in.varlong());
                b.messages = in.varint();
                b.recipients = in.varint();
                b.nonContactRecipients = in.varint();
                b.replies = in.varint();
                b.fanoutNonContactRecipients = in.varint();
                s.hours.add(b);
            }
            long last = in.varlong();
            s.lastMessageMillis = last == 0 ? 0 : w - last + 1;
            for (int i = in.varint(); i > 0; i--) {
                s.intervalsMillis.add(in.varint());
            }
            for (int i = in.varint(); i > 0; i--) {
                AccountState.FingerprintCount f = new AccountState.FingerprintCount();
                f.hash = in.readLong();
                f.messages = in.varint();
                f.nonContactRecipients = in.varint();
                f.lastSeenMillis = w - in.varlong();
                s.fingerprints.add(f);
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
                    s.sampleEventIds.add(new UUID(in.readLong(), in.readLong()).toString());
                } else {
                    s.sampleEventIds.add(in.text());
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

    /** What {@code UUID.fromString(id).toString().equals(id)} accepts: 8-4-4-4-12 lower-case hex digits. */
    static boolean isCanonicalUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static long hexLong(String s, int from, int count) {
        long v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            v = v << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return v;
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
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buf[pos++] = (byte) (v >>> shift);
            }
        }

        void writeLong(long v) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[pos++] = (byte) (v >>> shift);
            }
        }

        void varint(int v) {
            varlong(v);
        }

        /** A replay digest: its low 48 bits ({@link ReplayGuard#narrow}), big-endian. */
        void writeDigest(long d) {
            ensure(6);
            for (int shift = 40; shift >= 0; shift -= 8) {
                buf[pos++] = (byte) (d >>> shift);
            }
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
            long z = (v << 1) ^ (v >> 63);
            while ((z & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            buf[pos++] = (byte) z;
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

        void counts(AccountState.SecondBucket b) {
            long v = varlong();
            b.messages = (int) (v >> 3);
            b.nonContactRecipients = (v & 7) == 7 ? (int) (7 + varlong()) : (int) (v & 7);
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
