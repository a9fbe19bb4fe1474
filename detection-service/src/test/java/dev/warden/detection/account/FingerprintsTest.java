package dev.warden.detection.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void countsAMessageIntoItsFingerprintAndKeepsTheNewestSighting() {
        AccountState.Fingerprints f = new AccountState.Fingerprints();
        f.add(7L, 1, 2, 1_000);
        f.count(0, 3, 5_000);
        f.count(0, 0, 4_000); // a slightly late message does not move the last sighting back
        assertEquals(3, f.messages(0));
        assertEquals(5, f.nonContactRecipients(0));
        assertEquals(5_000, f.lastSeenMillis(0));
        assertEquals(7L, f.hash(0));
    }

    @Test
    void removingOneKeepsTheOthersInTheirOrder() {
        AccountState.Fingerprints f = new AccountState.Fingerprints();
        for (int i = 0; i < AccountState.MAX_FINGERPRINTS; i++) {
            f.add(100 + i, i, 10 * i, 1_000L * i);
        }
        f.remove(1);
        assertEquals(AccountState.MAX_FINGERPRINTS - 1, f.size());
        for (int i = 0; i < f.size(); i++) {
            int was = i == 0 ? 0 : i + 1;
            assertEquals(100 + was, f.hash(i));
            assertEquals(was, f.messages(i));
            assertEquals(10 * was, f.nonContactRecipients(i));
            assertEquals(1_000L * was, f.lastSeenMillis(i));
        }
        f.add(999, 1, 0, 9_000); // the freed place takes a new one
        assertEquals(999, f.hash(AccountState.MAX_FINGERPRINTS - 1));
    }

    @Test
    void refusesMoreThanItKeeps() {
        AccountState.Fingerprints f = new AccountState.Fingerprints();
        for (int i = 0; i < AccountState.MAX_FINGERPRINTS; i++) {
            f.add(i, 1, 0, 0);
        }
        assertThrows(IllegalStateException.class, () -> f.add(99, 1, 0, 0));
    }
}
