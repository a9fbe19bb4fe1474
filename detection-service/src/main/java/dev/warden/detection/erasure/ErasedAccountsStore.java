package dev.warden.detection.erasure;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import dev.warden.detection.store.WrappingStoreBuilder;

/**
 * The erased-accounts store, answering from memory. Every activity event asks it, and nearly every account was
 * never erased: the record cache below keeps only keys it holds, so each of those questions would be a RocksDB
 * read. While a task holds at most {@code maxInMemory} erasures, all of them are read into memory at the first
 * question (a processor asks only once its task is restored) and kept in step by every write, so a question is
 * one look-up in a small map. Beyond that, it remembers up to {@code maxInMemory} accounts it does not hold
 * (least recently asked go first). Only the task's processors ask it: no interactive query reads this store, and
 * one made while the task restores would read the erasures too early. Synchronised all the same: cheap uncontended.
 */
final class ErasedAccountsStore extends WrappedStateStore<KeyValueStore<String, Long>, String, Long>
        implements KeyValueStore<String, Long> {

    private final int maxInMemory;
    /** Every erasure of the task, when there are at most {@link #maxInMemory}; null: more, or not read yet. */
    private Map<String, Long> all;
    private boolean allRead;
    /** Accounts known not to be erased, while {@link #all} is null. */
    private final Map<String, Boolean> absent;

    ErasedAccountsStore(KeyValueStore<String, Long> inner, int maxInMemory) {
        super(inner);
        this.maxInMemory = maxInMemory;
        this.absent = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > maxInMemory;
            }
        };
    }

    /** @param maxInMemory how many erasures, or else accounts known not to be erased, are kept in memory per task */
    static StoreBuilder<KeyValueStore<String, Long>> builder(StoreBuilder<KeyValueStore<String, Long>> inner,
            int maxInMemory) {
        return new WrappingStoreBuilder<>(inner, store -> new ErasedAccountsStore(store, maxInMemory), true);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        forget();
        super.init(context, root);
    }

    @Override
    public synchronized Long get(String key) {
        if (!allRead) {
            readAll();
        }
        if (all != null) {
            return all.get(key);
        }
        if (absent.get(key) != null) {
            return null;
        }
        Long value = wrapped().get(key);
        if (value == null) {
            absent.put(key, Boolean.TRUE);
        }
        return value;
    }

    @Override
    public synchronized void put(String key, Long value) {
        wrapped().put(key, value);
        written(key, value);
    }

    @Override
    public synchronized Long putIfAbsent(String key, Long value) {
        Long before = wrapped().putIfAbsent(key, value);
        if (before == null) {
            written(key, value);
        }
        return before;
    }

    @Override
    public synchronized void putAll(List<KeyValue<String, Long>> entries) {
        wrapped().putAll(entries);
        entries.forEach(e -> written(e.key, e.value));
    }

    @Override
    public synchronized Long delete(String key) {
        Long before = wrapped().delete(key);
        written(key, null);
        return before;
    }

    private void readAll() {
        allRead = true;
        Map<String, Long> read = new HashMap<>();
        try (KeyValueIterator<String, Long> it = wrapped().all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> e = it.next();
                if (read.size() == maxInMemory) {
                    return; // too many: ask the store, remembering who is absent
                }
                read.put(e.key, e.value);
            }
        }
        all = read;
    }

    private void written(String key, Long value) {
        absent.remove(key);
        if (all == null) {
            return;
        }
        if (value == null) {
            all.remove(key);
        } else {
            all.put(key, value);
            if (all.size() > maxInMemory) {
                all = null;
            }
        }
    }

    /** The task's state is being dropped or recycled: what was absent may be restored. */
    @Override
    public void clearCache() {
        forget();
        super.clearCache();
    }

    @Override
    public void close() {
        forget();
        super.close();
    }

    private synchronized void forget() {
        all = null;
        allRead = false;
        absent.clear();
    }

    @Override
    public KeyValueIterator<String, Long> range(String from, String to) {
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, Long> all() {
        return wrapped().all();
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }
}
