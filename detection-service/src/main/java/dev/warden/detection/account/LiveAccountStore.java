package dev.warden.detection.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import dev.warden.detection.store.WrappingStoreBuilder;

/**
 * The account store with live objects in front: the stream thread reads and changes {@link AccountState}
 * objects, and an account written since the last commit is serialised once, into the changelogged store
 * below, when Kafka Streams flushes its caches — before it commits the input offsets, the point where its
 * own record cache writes through. The store below stays the source of truth: a crash loses only what
 * was not committed, and the uncommitted input is processed again over the state restored from the
 * changelog. Which one hook runs before the offset commit is a Kafka Streams internal
 * ({@code CachedStateStore.flushCache}, as for the record cache; {@code flush()} runs after the commit);
 * {@code AccountStateCrashTest} pins it.
 * <p>
 * At most {@code maxLive} objects per task are kept (least recently used go first, written through if
 * changed). Only the stream thread sees the live objects; interactive queries from other threads read the
 * store below, the state as of the last commit.
 */
public final class LiveAccountStore extends WrappedStateStore<KeyValueStore<String, AccountState>, String, AccountState>
        implements KeyValueStore<String, AccountState> {

    private final int maxLive;
    private final Map<String, Live> live;
    /**
     * Changed since the last flush, in the order first changed. An entry evicted or deleted since stays here, with
     * its key only, until the flush skips it.
     */
    private final List<Live> dirty = new ArrayList<>();
    /** The entry the last {@link #get} returned: the detector puts back the object it got, by the same key. */
    private Live lastGot;
    private InternalProcessorContext<?, ?> context;
    private volatile Thread owner;

    /** One account's live object, and the record context of its latest change (null: unchanged since the flush). */
    private static final class Live {
        final String key;
        AccountState state;
        ProcessorRecordContext changedIn;

        Live(String key, AccountState state) {
            this.key = key;
            this.state = state;
        }
    }

    /** @param maxLive at most this many live objects; at least one is kept (the one a processor is changing) */
    LiveAccountStore(KeyValueStore<String, AccountState> inner, int maxLive) {
        super(inner);
        this.maxLive = Math.max(1, maxLive);
        this.live = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Live> eldest) {
                if (size() <= LiveAccountStore.this.maxLive) {
                    return false;
                }
                Live gone = eldest.getValue();
                if (gone.changedIn != null) {
                    writeThrough(gone);
                }
                gone.state = null; // it may wait in the dirty list until the flush: keep only its key
                if (gone == lastGot) {
                    lastGot = null;
                }
                return true;
            }
        };
    }

    /** The account store: {@code inner} must build the changelogged store (no record cache: this replaces it). */
    public static StoreBuilder<KeyValueStore<String, AccountState>> builder(
            StoreBuilder<KeyValueStore<String, AccountState>> inner, int maxLive) {
        return new WrappingStoreBuilder<>(inner, store -> new LiveAccountStore(store, maxLive), false);
    }

    @Override
    public void init(StateStoreContext stateStoreContext, StateStore root) {
        this.context = (InternalProcessorContext<?, ?>) stateStoreContext;
        forget();
        super.init(stateStoreContext, root);
    }

    @Override
    public AccountState get(String key) {
        if (Thread.currentThread() != owner) {
            return wrapped().get(key); // an interactive query: the committed state
        }
        Live entry = live.get(key);
        if (entry == null) {
            AccountState stored = wrapped().get(key);
            if (stored == null) {
                return null;
            }
            entry = new Live(key, stored);
            live.put(key, entry);
        }
        lastGot = entry;
        return entry.state;
    }

    @Override
    public void put(String key, AccountState value) {
        if (value == null) {
            delete(key);
            return;
        }
        owner = Thread.currentThread();
        Live entry = lastGot;
        if (entry == null || entry.state != value || !entry.key.equals(key)) {
            entry = live.get(key);
            if (entry == null) {
                entry = new Live(key, value);
                live.put(key, entry);
            }
            entry.state = value;
        }
        if (entry.changedIn == null) {
            dirty.add(entry);
        }
        entry.changedIn = context.recordContext();
    }

    @Override
    public AccountState putIfAbsent(String key, AccountState value) {
        AccountState before = get(key);
        if (before == null) {
            put(key, value);
        }
        return before;
    }

    @Override
    public void putAll(List<KeyValue<String, AccountState>> entries) {
        entries.forEach(e -> put(e.key, e.value));
    }

    @Override
    public AccountState delete(String key) {
        Live before = live.remove(key);
        AccountState was = null;
        if (before != null) {
            was = before.state;
            before.changedIn = null;
            before.state = null;
            if (before == lastGot) {
                lastGot = null;
            }
        }
        AccountState stored = wrapped().delete(key);
        return was != null ? was : stored;
    }

    /** Before Kafka Streams commits the input offsets: every changed account reaches the store and its changelog. */
    @Override
    public void flushCache() {
        for (Live entry : dirty) {
            if (entry.changedIn != null) {
                writeThrough(entry);
            }
        }
        dirty.clear();
        super.flushCache();
    }

    @Override
    public void flush() {
        flushCache();
        super.flush();
    }

    /** The task's state is being dropped or recycled: the live objects may no longer match the store. */
    @Override
    public void clearCache() {
        forget();
        super.clearCache();
    }

    @Override
    public void close() {
        forget(); // a clean close flushed before; a dirty one must not write what was not committed
        super.close();
    }

    private void forget() {
        live.clear();
        dirty.clear();
        lastGot = null;
        owner = null;
    }

    private void writeThrough(Live entry) {
        ProcessorRecordContext current = context.recordContext();
        context.setRecordContext(entry.changedIn);
        try {
            wrapped().put(entry.key, entry.state);
            entry.changedIn = null; // only once written: a flush that failed and is retried writes it again
        } finally {
            context.setRecordContext(current);
        }
    }

    // reads of ranges go to the store below: only queries and tests use them, after a commit

    @Override
    public KeyValueIterator<String, AccountState> range(String from, String to) {
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, AccountState> all() {
        return wrapped().all();
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }
}
