package dev.warden.detection.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The store below a wrapping store, for its tests: a sorted map that counts its writes, reads and scans. */
public class MapStore<V> implements KeyValueStore<String, V> {

    public final Map<String, V> map = new TreeMap<>();
    public int puts;
    public int gets;
    public int scans;
    private final String name;

    public MapStore(String name) {
        this.name = name;
    }

    @Override
    public void put(String key, V value) {
        puts++;
        map.put(key, value);
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V before = map.putIfAbsent(key, value);
        puts += before == null ? 1 : 0;
        return before;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        for (KeyValue<String, V> e : entries) {
            put(e.key, e.value);
        }
    }

    @Override
    public V delete(String key) {
        return map.remove(key);
    }

    @Override
    public V get(String key) {
        gets++;
        return map.get(key);
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        throw new UnsupportedOperationException();
    }

    @Override
    public KeyValueIterator<String, V> all() {
        scans++;
        List<KeyValue<String, V>> copy = new ArrayList<>();
        map.forEach((k, v) -> copy.add(KeyValue.pair(k, v)));
        Iterator<KeyValue<String, V>> it = copy.iterator();
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValue<String, V> next() {
                return it.next();
            }

            @Override
            public void close() {
            }

            @Override
            public String peekNextKey() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public long approximateNumEntries() {
        return map.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return true;
    }
}
