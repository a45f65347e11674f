package io.vocstream.schemas.registry;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A thread-safe map of at most {@code capacity} entries for facts that never change once known (a schema's id).
 * A read is one {@link ConcurrentHashMap} lookup without locks, because every record a serde handles does one;
 * when full, the entry inserted first is evicted. Eviction order matters little here: an evicted fact is fetched
 * again once, and the capacity is chosen so that a process's working set is never evicted.
 */
final class BoundedCache<K, V> {
    private final int capacity;
    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
    private final Queue<K> insertionOrder = new ConcurrentLinkedQueue<>();

    BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** The value of {@code key}, or null if it is not cached. */
    V get(K key) {
        return entries.get(key);
    }

    /** Caches {@code value} for {@code key} unless a value is cached already; evicts the oldest entries if full. */
    void put(K key, V value) {
        if (entries.putIfAbsent(key, value) == null) {
            insertionOrder.add(key);
            while (entries.size() > capacity) {
                K oldest = insertionOrder.poll();
                if (oldest == null) {
                    break;
                }
                entries.remove(oldest);
            }
        }
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
        insertionOrder.clear();
    }
}
