package dev.warden.detection.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.detection.store.MapStore;

/**
 * The live objects in front of the account store: what reaches the store below, when, and with which record
 * context, with few live objects so that changed ones are evicted between two flushes.
 */
class LiveAccountStoreTest {

    private final Below below = new Below();
    private final AtomicReference<ProcessorRecordContext> current = new AtomicReference<>();
    private LiveAccountStore store;

    @BeforeEach
    void init() {
        store = open(2);
    }

    private LiveAccountStore open(int maxLive) {
        LiveAccountStore opened = new LiveAccountStore(below, maxLive);
        InternalProcessorContext<?, ?> context = (InternalProcessorContext<?, ?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {InternalProcessorContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "recordContext" -> {
                            return current.get();
                        }
                        case "setRecordContext" -> {
                            current.set((ProcessorRecordContext) args[0]);
                            return null;
                        }
                        default -> {
                            return null;
                        }
                    }
                });
        opened.init(context, opened);
        return opened;
    }

    @Test
    void writesEachChangedAccountOnceAtTheFlushWithItsLatestRecordContext() {
        AccountState a = state(1);
        at(10);
        store.put("a", a);
        a.watermarkMillis = 2;
        at(11);
        assertSame(a, store.get("a"));
        store.put("a", a);
        assertEquals(0, below.puts);

        store.flushCache();

        assertEquals(1, below.puts);
        assertEquals(2, (long) below.written.get("a"));
        assertEquals(11, below.contexts.get("a").offset());
        store.flushCache();
        assertEquals(1, below.puts, "nothing changed since the last flush");
    }

    @Test
    void writesAChangedAccountThroughWhenItIsEvictedAndReadsItBackFromBelow() {
        at(1);
        store.put("a", state(1));
        at(2);
        store.put("b", state(2));
        at(3);
        assertNull(store.get("c"));
        store.put("c", state(3)); // a third live object: "a", the least recently used, goes

        assertEquals(1, below.puts);
        assertEquals(1, (long) below.written.get("a"));
        assertEquals(1, below.contexts.get("a").offset(), "written in the context it was changed in");
        assertEquals(3, current.get().offset(), "and the current context is back");

        AccountState a = store.get("a"); // from below, evicting "b" (changed: written too)
        assertEquals(1, a.watermarkMillis);
        assertEquals(2, below.puts);
        a.watermarkMillis = 4;
        at(4);
        store.put("a", a);
        store.flushCache();

        assertEquals(4, below.puts, "a and c, once each");
        assertEquals(4, (long) below.written.get("a"));
        assertEquals(3, (long) below.written.get("c"));
        assertEquals(2, (long) below.written.get("b"));
    }

    @Test
    void aDeletedAccountIsNotWrittenBackAtTheFlush() {
        at(1);
        store.put("a", state(1));
        store.put("b", state(2));
        store.flushCache();
        AccountState a = store.get("a");
        a.watermarkMillis = 9;
        store.put("a", a);

        store.delete("a");
        store.flushCache();

        assertNull(below.map.get("a"));
        assertNull(store.get("a"));
        assertEquals(2, (long) below.written.get("b"));
    }

    @Test
    void anObjectPutUnderAnotherKeyIsStoredUnderThatKey() {
        at(1);
        AccountState a = state(1);
        store.put("a", a);
        assertSame(a, store.get("a"));
        AccountState b = state(2);
        store.put("b", b);
        store.put("b", a); // not the object got for "a" by key: the slow path

        store.flushCache();

        assertEquals(1, (long) below.written.get("b"));
        assertEquals(1, (long) below.written.get("a"));
        assertSame(a, store.get("b"));
    }

    @Test
    void anotherThreadReadsTheCommittedStateOnly() throws InterruptedException {
        at(1);
        store.put("a", state(1));
        AtomicReference<AccountState> seen = new AtomicReference<>(state(-1));
        Thread query = new Thread(() -> seen.set(store.get("a")));
        query.start();
        query.join();
        assertNull(seen.get(), "not flushed yet");

        store.flushCache();
        query = new Thread(() -> seen.set(store.get("a")));
        query.start();
        query.join();
        assertEquals(1, seen.get().watermarkMillis);
    }

    @Test
    void aPutAfterTheEntryItsGetReturnedWasEvictedKeepsTheChange() {
        AccountState a = committedAndGot("a");
        store.put("b", state(2));
        store.put("c", state(3)); // evicts "a", the object just got

        a.watermarkMillis = 7;
        at(2);
        store.put("a", a);
        assertSame(a, store.get("a"), "live again, not read from below");
        store.flushCache();

        assertEquals(7, (long) below.written.get("a"));
    }

    @Test
    void aPutOfAnotherObjectUnderTheKeyJustGotStoresThatObject() {
        committedAndGot("a");
        AccountState replacement = state(5);

        store.put("a", replacement);
        store.flushCache();

        assertEquals(5, (long) below.written.get("a"));
        assertSame(replacement, store.get("a"));
    }

    @Test
    void aPutAfterADeleteOfTheEntryItsGetReturnedWritesTheAccountAgain() {
        AccountState a = committedAndGot("a");
        store.delete("a");
        assertNull(below.map.get("a"));

        a.watermarkMillis = 3;
        store.put("a", a);
        store.flushCache();

        assertEquals(3, (long) below.written.get("a"));
    }

    @Test
    void keepsOneLiveObjectWhenAskedToKeepNone() {
        LiveAccountStore one = open(0);
        at(1);
        AccountState a = state(1);
        one.put("a", a);
        assertSame(a, one.get("a"));
        a.watermarkMillis = 2;
        one.put("a", a);
        one.put("b", state(9)); // "a" leaves, written through
        one.delete("b");

        one.flushCache();

        assertEquals(2, (long) below.written.get("a"));
        assertNull(below.map.get("b"), "deleted before the flush");
        assertEquals(1, below.puts);
    }

    /** An account written below at offset 1, then got: its live object, as a processor holds it. */
    private AccountState committedAndGot(String key) {
        at(1);
        store.put(key, state(1));
        store.flushCache();
        return store.get(key);
    }

    private void at(long offset) {
        current.set(new ProcessorRecordContext(0, offset, 0, "activity", new RecordHeaders()));
    }

    private static AccountState state(long watermark) {
        AccountState s = new AccountState();
        s.watermarkMillis = watermark;
        return s;
    }

    /** The changelogged store below: what was put, and in which record context. */
    private final class Below extends MapStore<AccountState> {
        final Map<String, ProcessorRecordContext> contexts = new HashMap<>();
        /** The watermark each account had when it was written: the objects themselves change on. */
        final Map<String, Long> written = new HashMap<>();

        Below() {
            super(AccountState.STORE);
        }

        /** A copy, as RocksDB keeps bytes: a change to the live object reaches the store only by a write. */
        @Override
        public void put(String key, AccountState value) {
            super.put(key, AccountStateSerde.read(AccountStateSerde.write(value)));
            contexts.put(key, current.get());
            written.put(key, value.watermarkMillis);
        }

        @Override
        public AccountState get(String key) {
            AccountState stored = super.get(key);
            return stored == null ? null : AccountStateSerde.read(AccountStateSerde.write(stored));
        }
    }
}
