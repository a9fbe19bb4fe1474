package dev.warden.detection.account;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import dev.warden.detection.account.AccountState.Second;
import dev.warden.detection.account.AccountState.Slot;

/**
 * Compact binary serde for the account state store and its changelog: varints relative to the
 * watermark, UUID event ids as 16 bytes. JSON would cost 3-4× the bytes per active account and
 * needs reflection. The leading version byte lets a later layout read this one.
 */
/** The DataOutputStream-based serde before the rewrite: the reference for AccountStateSerdeEquivalenceTest. */
class LegacyAccountStateSerde implements Serde<AccountState> {

    private static final int VERSION = 2;

    @Override
    public Serializer<AccountState> serializer() {
        return (topic, state) -> state == null ? null : write(state);
    }

    @Override
    public Deserializer<AccountState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    public static byte[] write(AccountState s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            long w = s.watermarkMillis;
            varlong(out, w);
            varlong(out, s.registeredAtMillis == 0 ? 0 : w - s.registeredAtMillis + 1);
            text(out, s.accountType);
            text(out, s.clientType);
            text(out, s.country);
            text(out, s.contactEmail);
            text(out, s.locale);
            long wSecond = Math.floorDiv(w, 1000);
            varint(out, s.seconds.size());
            for (int b = 0; b < s.seconds.size(); b++) {
                varlong(out, wSecond - s.seconds.key(b));
                varint(out, s.seconds.count(b, Second.MESSAGES));
                varint(out, s.seconds.count(b, Second.NON_CONTACT_RECIPIENTS));
            }
            long wSlot = Math.floorDiv(wSecond, AccountState.SLOT_SECONDS);
            varint(out, s.slots.size());
            for (int b = 0; b < s.slots.size(); b++) {
                varlong(out, wSlot - s.slots.key(b));
                varint(out, s.slots.count(b, Slot.MESSAGES));
                varint(out, s.slots.count(b, Slot.RECIPIENTS));
                varint(out, s.slots.count(b, Slot.NON_CONTACT_RECIPIENTS));
                varint(out, s.slots.count(b, Slot.REPLIES));
                varint(out, s.slots.count(b, Slot.FORWARDS));
                varint(out, s.slots.count(b, Slot.FANOUT_MESSAGES));
            }
            varlong(out, s.lastMessageMillis == 0 ? 0 : w - s.lastMessageMillis + 1);
            varint(out, s.intervalsMillis.size());
            for (int k = 0; k < s.intervalsMillis.size(); k++) {
                varint(out, s.intervalsMillis.get(k));
            }
            varint(out, s.fingerprints.size());
            for (int i = 0; i < s.fingerprints.size(); i++) {
                out.writeLong(s.fingerprints.hash(i));
                varint(out, s.fingerprints.messages(i));
                varint(out, s.fingerprints.nonContactRecipients(i));
                varlong(out, w - s.fingerprints.lastSeenMillis(i));
            }
            varint(out, s.reporters.size());
            for (AccountState.Reporter r : s.reporters) {
                out.writeInt(r.hash);
                varlong(out, w - r.atMillis);
            }
            varint(out, s.campaignAccounts);
            varlong(out, s.campaignSeenMillis == 0 ? 0 : w - s.campaignSeenMillis + 1);
            varint(out, s.replayGuard.size());
            for (int i = 0; i < s.replayGuard.size(); i++) {
                out.writeInt((int) s.replayGuard.digestAt(i)); // the 32-bit hashes this layout kept
            }
            varint(out, s.sampleEventIds.size());
            for (String id : s.sampleEventIds.toList()) {
                UUID uuid = asUuid(id);
                if (uuid != null) {
                    out.writeByte(1);
                    out.writeLong(uuid.getMostSignificantBits());
                    out.writeLong(uuid.getLeastSignificantBits());
                } else {
                    out.writeByte(0);
                    text(out, id);
                }
            }
            varint(out, s.lastFiredMillis.size());
            for (var e : s.lastFiredMillis.entrySet()) {
                text(out, e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeLong(s.silencedUntilMillis);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("cannot write account state", e);
        }
    }

    public static AccountState read(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            int version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("unknown account state layout " + version);
            }
            AccountState s = new AccountState();
            long w = varlong(in);
            s.watermarkMillis = w;
            long reg = varlong(in);
            s.registeredAtMillis = reg == 0 ? 0 : w - reg + 1;
            s.accountType = text(in);
            s.clientType = text(in);
            s.country = text(in);
            s.contactEmail = text(in);
            s.locale = text(in);
            long wSecond = Math.floorDiv(w, 1000);
            for (int i = varint(in); i > 0; i--) {
                int b = s.seconds.bucket(wSecond - varlong(in));
                s.seconds.add(b, Second.MESSAGES, varint(in));
                s.seconds.add(b, Second.NON_CONTACT_RECIPIENTS, varint(in));
            }
            long wSlot = Math.floorDiv(wSecond, AccountState.SLOT_SECONDS);
            for (int i = varint(in); i > 0; i--) {
                int b = s.slots.bucket(wSlot - varlong(in));
                s.slots.add(b, Slot.MESSAGES, varint(in));
                s.slots.add(b, Slot.RECIPIENTS, varint(in));
                s.slots.add(b, Slot.NON_CONTACT_RECIPIENTS, varint(in));
                s.slots.add(b, Slot.REPLIES, varint(in));
                s.slots.add(b, Slot.FORWARDS, varint(in));
                s.slots.add(b, Slot.FANOUT_MESSAGES, varint(in));
            }
            long last = varlong(in);
            s.lastMessageMillis = last == 0 ? 0 : w - last + 1;
            for (int i = varint(in); i > 0; i--) {
                s.intervalsMillis.add(varint(in));
            }
            for (int i = varint(in); i > 0; i--) {
                long hash = in.readLong();
                int messages = varint(in);
                int strangers = varint(in);
                s.fingerprints.add(hash, messages, strangers, w - varlong(in));
            }
            for (int i = varint(in); i > 0; i--) {
                AccountState.Reporter r = new AccountState.Reporter();
                r.hash = in.readInt();
                r.atMillis = w - varlong(in);
                s.reporters.add(r);
            }
            s.campaignAccounts = varint(in);
            long campaign = varlong(in);
            s.campaignSeenMillis = campaign == 0 ? 0 : w - campaign + 1;
            for (int i = varint(in); i > 0; i--) {
                s.replayGuard.add(in.readInt() & 0xFFFF_FFFFL, Math.floorDiv(w, 1000));
            }
            for (int i = varint(in); i > 0; i--) {
                if (in.readByte() == 1) {
                    s.sampleEventIds.add(new UUID(in.readLong(), in.readLong()).toString(), Integer.MAX_VALUE);
                } else {
                    s.sampleEventIds.add(text(in), Integer.MAX_VALUE);
                }
            }
            for (int i = varint(in); i > 0; i--) {
                s.lastFiredMillis.put(text(in), in.readLong());
            }
            s.silencedUntilMillis = in.readLong();
            return s;
        } catch (IOException e) {
            throw new SerializationException("cannot read account state", e);
        }
    }

    private static UUID asUuid(String id) {
        if (id.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            varint(out, 0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(out, b.length + 1);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = varint(in);
        if (n == 0) {
            return null;
        }
        byte[] b = new byte[n - 1];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Also the zig-zag varint of layout 5's counts. */
    static void varint(DataOutputStream out, int v) throws IOException {
        varlong(out, v);
    }

    /** Zig-zag varint: small magnitudes, either sign, take one or two bytes. */
    private static void varlong(DataOutputStream out, long v) throws IOException {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            out.writeByte((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.writeByte((int) z);
    }

    private static int varint(DataInputStream in) throws IOException {
        return (int) varlong(in);
    }

    private static long varlong(DataInputStream in) throws IOException {
        long z = 0;
        int shift = 0;
        int b;
        do {
            b = in.readUnsignedByte();
            z |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return (z >>> 1) ^ -(z & 1);
    }
}
