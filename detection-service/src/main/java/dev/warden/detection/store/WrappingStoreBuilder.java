package dev.warden.detection.store;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A store builder that puts a wrapper around what {@code inner} builds: logging and caching settings go to
 * the inner builder, so the wrapper sits above the changelog and (where allowed) the record cache.
 */
public final class WrappingStoreBuilder<K, V> implements StoreBuilder<KeyValueStore<K, V>> {

    private final StoreBuilder<KeyValueStore<K, V>> inner;
    private final UnaryOperator<KeyValueStore<K, V>> wrap;
    private final boolean recordCacheBelow;

    /**
     * @param recordCacheBelow whether a record cache may sit below the wrapper; false for a wrapper that is the
     *                         store's cache itself (asking for caching then fails)
     */
    public WrappingStoreBuilder(StoreBuilder<KeyValueStore<K, V>> inner, UnaryOperator<KeyValueStore<K, V>> wrap,
            boolean recordCacheBelow) {
        this.inner = inner;
        this.wrap = wrap;
        this.recordCacheBelow = recordCacheBelow;
    }

    private WrappingStoreBuilder<K, V> over(StoreBuilder<KeyValueStore<K, V>> changed) {
        return new WrappingStoreBuilder<>(changed, wrap, recordCacheBelow);
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withCachingEnabled() {
        if (!recordCacheBelow) {
            throw new UnsupportedOperationException(inner.name() + ": the wrapper is the cache");
        }
        return over(inner.withCachingEnabled());
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withCachingDisabled() {
        return over(inner.withCachingDisabled());
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withLoggingEnabled(Map<String, String> config) {
        return over(inner.withLoggingEnabled(config));
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withLoggingDisabled() {
        return over(inner.withLoggingDisabled());
    }

    @Override
    public KeyValueStore<K, V> build() {
        return wrap.apply(inner.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
