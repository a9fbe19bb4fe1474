package dev.warden.detection.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import dev.warden.detection.account.AccountState.Hour;
import dev.warden.detection.account.AccountState.Second;
import dev.warden.detection.account.AccountState.Slot;

/**
 * The serde reads every state layout 2 (the DataOutputStream serde) wrote, losing nothing of it, so a
 * changelog written before an upgrade restores; and its own layout round-trips. Layouts 3 and 4: see
 * {@code AccountStateLayout3Test} and {@code AccountStateLayout4Test}.
 */
class AccountStateSerdeEquivalenceTest {

    @Test
    void readsThePreviousLayoutAndRoundTripsItsOwnForRandomStates() {
        Random r = new Random(11);
        for (int n = 0; n < 5_000; n++) {
            AccountState s = random(r);
            byte[] legacy = LegacyAccountStateSerde.write(s);
            AccountState back = AccountStateSerde.read(legacy);
            withDayScale(s, r);
            byte[] current = AccountStateSerde.write(s);
            assertThat(AccountStateSerde.write(AccountStateSerde.read(current))).isEqualTo(current);
            assertThat(LegacyAccountStateSerde.write(back)).isEqualTo(legacy);
            assertThat(back.sampleEventIds).isEqualTo(s.sampleEventIds);
            assertThat(back.lastFiredMillis).isEqualTo(s.lastFiredMillis);
        }
    }

    /**
     * Layout 5 is in every changelog: a faster writer must write the same bytes. The digest is of what the
     * writer of the bucket objects (before the flat buckets) wrote for these states, buckets in key order; that
     * writer was checked the same way against the one before its split into sections.
     */
    @Test
    void layout5BytesDoNotChange() throws Exception {
        Random r = new Random(29);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int n = 0; n < 3_000; n++) {
            AccountState s = random(r);
            withDayScale(s, r);
            sha.update(AccountStateSerde.write(s));
        }
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo("78dc645c345dfd41c1cc00b54bf6612f1108e49f6bbfea269b791050cdbd8b17");
    }

    /** 17 bytes for what {@code UUID} gives back unchanged, text for every near miss, and each read back as written. */
    @Test
    void aSampleIdTakesSixteenBytesExactlyWhenItIsACanonicalUuid() {
        Random r = new Random(31);
        char[] alphabet = "0123456789abcdefABCDEFgx-é".toCharArray();
        int canonicalSize = AccountStateSerde.write(withSample(new UUID(1, 2).toString())).length;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder id = new StringBuilder(new UUID(r.nextLong(), r.nextLong()).toString());
            for (int k = r.nextInt(3); k > 0; k--) {
                id.setCharAt(r.nextInt(36), alphabet[r.nextInt(alphabet.length)]);
            }
            if (r.nextInt(10) == 0) {
                id.insert(r.nextInt(37), alphabet[r.nextInt(alphabet.length)]);
            }
            String sample = id.toString();
            byte[] bytes = AccountStateSerde.write(withSample(sample));
            assertThat(AccountStateSerde.read(bytes).sampleEventIds.toList()).containsExactly(sample);
            assertThat(bytes.length == canonicalSize).as(sample).isEqualTo(isCanonicalUuid(sample));
        }
    }

    private static AccountState withSample(String id) {
        AccountState s = new AccountState();
        s.sampleEventIds.add(id, 1);
        return s;
    }

    private static boolean isCanonicalUuid(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void truncatedBytesAreASerializationError() {
        byte[] bytes = AccountStateSerde.write(random(new Random(3)));
        for (int len = 1; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThatThrownBy(() -> AccountStateSerde.read(cut)).isInstanceOf(SerializationException.class);
        }
    }

    @Test
    void anUnknownLayoutIsASerializationErrorNamingIt() {
        byte[] bytes = AccountStateSerde.write(random(new Random(5)));
        bytes[0] = 6;
        assertThatThrownBy(() -> AccountStateSerde.read(bytes)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown account state layout 6");
    }

    @Test
    void aHugeBucketCountIsASerializationErrorNotAnAllocation() throws IOException {
        AccountState none = new AccountState();
        none.watermarkMillis = 1_800_000_000_000L;
        long second = none.watermarkMillis / 1000;
        long[] newest = {second, second / AccountState.SLOT_SECONDS, second / AccountState.HOUR_SECONDS};
        for (int scale = 0; scale < newest.length; scale++) {
            AccountState one = new AccountState();
            one.watermarkMillis = none.watermarkMillis;
            Buckets buckets = scale == 0 ? one.seconds : scale == 1 ? one.slots : one.hours;
            buckets.add(buckets.bucket(newest[scale]), 0, 1);
            byte[] bytes = withCountAt(AccountStateSerde.write(none), firstDifference(none, one), 1_000_000_000);
            // reserving room for a billion buckets would take 12 GB: the count is read, not believed
            assertThatThrownBy(() -> AccountStateSerde.read(bytes)).as("scale %d", scale)
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Test
    void moreFingerprintsThanAreKeptIsASerializationErrorNamingThem() throws IOException {
        AccountState none = new AccountState();
        none.watermarkMillis = 1_800_000_000_000L;
        AccountState one = new AccountState();
        one.watermarkMillis = none.watermarkMillis;
        one.fingerprints.add(1, 1, 0, one.watermarkMillis);
        byte[] bytes = withCountAt(AccountStateSerde.write(none), firstDifference(none, one), 5);
        assertThatThrownBy(() -> AccountStateSerde.read(bytes)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("5 fingerprints");
    }

    /** Where the bytes of two states that differ in one list's size first differ: that list's count. */
    private static int firstDifference(AccountState a, AccountState b) {
        int at = Arrays.mismatch(AccountStateSerde.write(a), AccountStateSerde.write(b));
        assertThat(at).isPositive();
        return at;
    }

    /** {@code bytes} with the one-byte count at {@code at} replaced by {@code count} as the serde's zigzag varint. */
    private static byte[] withCountAt(byte[] bytes, int at, int count) throws IOException {
        assertThat(bytes[at]).isZero();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        LegacyAccountStateSerde.varint(new DataOutputStream(out), count);
        out.write(bytes, at + 1, bytes.length - at - 1);
        return out.toByteArray();
    }

    private static void withDayScale(AccountState s, Random r) {
        long hour = s.watermarkMillis / 3_600_000 - 26;
        for (int i = r.nextInt(26); i > 0; i--) {
            hour += 1 + r.nextInt(2);
            int b = s.hours.bucket(hour);
            s.hours.add(b, Hour.MESSAGES, r.nextInt(1000));
            s.hours.add(b, Hour.RECIPIENTS, r.nextInt(100_000));
            s.hours.add(b, Hour.NON_CONTACT_RECIPIENTS, r.nextInt(1000));
            s.hours.add(b, Hour.REPLIES, r.nextInt(10));
            s.hours.add(b, Hour.FANOUT_NON_CONTACT_RECIPIENTS, r.nextInt(1000));
        }
        for (int b = 0; b < s.slots.size(); b++) {
            s.slots.add(b, Slot.FANOUT_NON_CONTACT_RECIPIENTS, r.nextInt(500));
        }
        s.silencedFromMillis = r.nextBoolean() ? 0 : s.watermarkMillis - r.nextInt(1000);
        for (int i = r.nextInt(65); i > 0; i--) {
            s.replayGuard.add(r.nextLong(), s.watermarkMillis / 1000 - r.nextInt(400));
        }
    }

    private static AccountState random(Random r) {
        AccountState s = new AccountState();
        long w = 1_700_000_000_000L + r.nextInt(1_000_000_000);
        s.watermarkMillis = w;
        s.registeredAtMillis = r.nextBoolean() ? 0 : w - r.nextInt(1_000_000_000);
        s.accountType = r.nextBoolean() ? null : "PRIVATE";
        s.clientType = r.nextBoolean() ? null : "OFFICIAL_APP";
        s.country = r.nextBoolean() ? null : "DE";
        s.contactEmail = r.nextBoolean() ? null : "ü" + r.nextInt() + "@example.org";
        s.locale = r.nextBoolean() ? null : "";
        // buckets in key order, as the updater keeps them
        long second = w / 1000 - 200;
        for (int i = r.nextInt(5); i > 0; i--) {
            second += 1 + r.nextInt(40);
            int b = s.seconds.bucket(second);
            s.seconds.add(b, Second.MESSAGES, r.nextInt(100));
            s.seconds.add(b, Second.NON_CONTACT_RECIPIENTS, r.nextInt(100_000));
        }
        long slot = w / 1000 / 300 - 14;
        for (int i = r.nextInt(14); i > 0; i--) {
            slot += 1 + r.nextInt(2);
            int b = s.slots.bucket(slot);
            s.slots.add(b, Slot.MESSAGES, r.nextInt(1000));
            s.slots.add(b, Slot.RECIPIENTS, r.nextInt(Integer.MAX_VALUE));
            s.slots.add(b, Slot.NON_CONTACT_RECIPIENTS, r.nextInt(1000));
            s.slots.add(b, Slot.REPLIES, r.nextInt(10));
            s.slots.add(b, Slot.FORWARDS, r.nextInt(10));
            s.slots.add(b, Slot.FANOUT_MESSAGES, -r.nextInt(3));
        }
        s.lastMessageMillis = r.nextBoolean() ? 0 : w - r.nextInt(5_000_000);
        for (int i = r.nextInt(25); i > 0; i--) {
            s.intervalsMillis.add(r.nextInt());
        }
        for (int i = r.nextInt(5); i > 0; i--) {
            long hash = r.nextLong();
            int messages = r.nextInt(100);
            int strangers = r.nextInt(100);
            s.fingerprints.add(hash, messages, strangers, w - r.nextInt(4_000_000));
        }
        for (int i = r.nextInt(17); i > 0; i--) {
            AccountState.Reporter rep = new AccountState.Reporter();
            rep.hash = r.nextInt();
            rep.atMillis = w - r.nextInt(700_000_000);
            s.reporters.add(rep);
        }
        s.campaignAccounts = r.nextInt(65);
        s.campaignSeenMillis = r.nextBoolean() ? 0 : w - r.nextInt(4_000_000);
        for (int i = r.nextInt(65); i > 0; i--) {
            s.replayGuard.add(r.nextInt() & 0xFFFF_FFFFL, w / 1000); // what layouts 2 and 3 restore to
        }
        for (int i = r.nextInt(11); i > 0; i--) {
            String uuid = new UUID(r.nextLong(), r.nextLong()).toString();
            s.sampleEventIds.add(switch (r.nextInt(5)) {
                case 0 -> uuid.toUpperCase();
                case 1 -> "evt-" + r.nextInt();
                case 2 -> uuid.replace('-', 'x');
                default -> uuid;
            }, Integer.MAX_VALUE);
        }
        if (r.nextBoolean()) {
            s.lastFiredMillis.put("bulk.registration-burst", w - r.nextInt(1000));
        }
        s.silencedUntilMillis = r.nextBoolean() ? 0 : w + r.nextInt(100_000);
        return s;
    }
}
