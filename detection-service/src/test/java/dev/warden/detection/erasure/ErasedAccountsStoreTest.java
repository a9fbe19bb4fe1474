package dev.warden.detection.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import dev.warden.detection.store.MapStore;

/** The erasure check answers as the store below would, with few or many erasures, and asks it as little as it can. */
class ErasedAccountsStoreTest {

    private final MapStore<Long> below = new MapStore<>(ErasedAccounts.STORE);

    @Test
    void answersFromMemoryWhenTheTaskHoldsFewErasures() {
        below.map.put("erased", 5L);
        ErasedAccountsStore store = new ErasedAccountsStore(below, 3);
        store.init(null, store);

        assertEquals(5L, store.get("erased"));
        assertNull(store.get("never"));
        store.put("later", 7L);
        assertEquals(7L, store.get("later"));
        store.delete("erased");
        assertNull(store.get("erased"));

        assertEquals(0, below.gets, "every question answered from memory");
        assertEquals(1, below.scans);
    }

    @Test
    void answersAsTheStoreBelowOnceItsErasuresOutgrowMemoryWhileRunning() {
        ErasedAccountsStore store = new ErasedAccountsStore(below, 2);
        store.init(null, store);
        assertNull(store.get("never")); // read now: no erasures, all in memory
        store.put("a0", 0L);
        store.putIfAbsent("a1", 1L);
        store.putAll(List.of(KeyValue.pair("a2", 2L), KeyValue.pair("a3", 3L)));
        int before = below.gets;

        for (int i = 0; i < 4; i++) {
            assertEquals((long) i, store.get("a" + i));
        }
        assertNull(store.get("never"));

        assertEquals(before + 5, below.gets, "more erasures than memory keeps: the store below answers");
        store.delete("a2");
        assertNull(store.get("a2"));
    }

    @Test
    void answersAsTheStoreBelowWhenTheTaskHoldsMoreErasuresThanItKeeps() {
        ErasedAccountsStore store = new ErasedAccountsStore(below, 2);
        store.init(null, store);
        for (int i = 0; i < 5; i++) {
            store.put("a" + i, (long) i); // grows past what memory keeps while running
        }
        for (int i = 0; i < 5; i++) {
            assertEquals((long) i, store.get("a" + i));
        }
        assertNull(store.get("never"));
        assertNull(store.get("never"));
        assertEquals(6, below.gets, "the absent account asked below once");

        store.put("never", 9L); // an account known absent is erased: the store must not answer from memory
        assertEquals(9L, store.get("never"));
    }

    @Test
    void readsTheStoreAgainAfterItsTaskIsRecycledOrRestored() {
        ErasedAccountsStore store = new ErasedAccountsStore(below, 3);
        store.init(null, store);
        assertNull(store.get("x"));
        below.map.put("x", 1L); // written below, as a restore from the changelog does

        store.clearCache();

        assertEquals(1L, store.get("x"));
        assertEquals(2, below.scans);
    }

    @Test
    void startingWithMoreErasuresThanItKeepsAsksTheStoreBelow() {
        for (int i = 0; i < 4; i++) {
            below.map.put("a" + i, (long) i);
        }
        ErasedAccountsStore store = new ErasedAccountsStore(below, 3);
        store.init(null, store);

        assertEquals(3L, store.get("a3"));
        assertNull(store.get("b"));
        assertNull(store.get("b"));
        assertEquals(2, below.gets);
    }
}
