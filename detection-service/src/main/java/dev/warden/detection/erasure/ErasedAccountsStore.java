package dev.warden.detection.erasure;

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
 * The erased-accounts store, remembering which accounts it does not hold. Every activity event asks it, and
 * nearly every account was never erased: the record cache below keeps only keys it holds, so each of those
 * questions would be a RocksDB read. A put forgets the key. Synchronised: interactive queries may read from
 * other threads (uncontended, it costs little next to the read it saves).
 */
final class ErasedAccountsStore extends WrappedStateStore<KeyValueStore<String, Long>, String, Long>
        implements KeyValueStore<String, Long> {

    private final Map<String, Boolean> absent;

    private ErasedAccountsStore(KeyValueStore<String, Long> inner, int maxAbsent) {
        super(inner);
        this.absent = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > maxAbsent;
            }
        };
    }

    /** @param maxAbsent how many keys known to be absent are remembered per task (least recently asked go first) */
    static StoreBuilder<KeyValueStore<String, Long>> builder(StoreBuilder<KeyValueStore<String, Long>> inner,
            int maxAbsent) {
        return new WrappingStoreBuilder<>(inner, store -> new ErasedAccountsStore(store, maxAbsent), true);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        forget();
        super.init(context, root);
    }

    @Override
    public synchronized Long get(String key) {
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
        absent.remove(key);
        wrapped().put(key, value);
    }

    @Override
    public synchronized Long putIfAbsent(String key, Long value) {
        absent.remove(key);
        return wrapped().putIfAbsent(key, value);
    }

    @Override
    public synchronized void putAll(List<KeyValue<String, Long>> entries) {
        entries.forEach(e -> absent.remove(e.key));
        wrapped().putAll(entries);
    }

    @Override
    public synchronized Long delete(String key) {
        absent.remove(key);
        return wrapped().delete(key);
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
