package io.vocstream.streams;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The state of entities (contacts, sessions, orders, customers ...) by id: a key-value store that keeps the values
 * put since the last commit as objects and writes each changed entity to the store underneath (and its changelog)
 * once, when Kafka flushes it before the commit (a {@link CommitBufferedStore}).
 *
 * <p>An entity takes several events within a commit interval, each reading and writing it: Kafka's record cache
 * would encode the value at every write and decode it at every read, and keep its least-recently-used order; here a
 * read of a changed entity is a lookup, and only the commit encodes. Reads from other threads (interactive queries)
 * see the changed values too, and iterators merge them into the store's in key order ({@link Utf8Order}).
 *
 * <p>The changes are found by hash; a sorted table of the same changes serves ordered reads, and an entity enters it
 * once per commit, however often it changes: a search of it compares keys character by character. A commit writes
 * the changes through and then starts new tables, so a reader holding the old ones still finds every change in them
 * or in the store.
 */
public final class EntityStore<V> extends CommitBufferedStore<KeyValueStore<String, V>>
        implements KeyValueStore<String, V> {
    /** The changes since the last flush, by key. */
    private volatile Map<String, Change<V>> changedByKey = new ConcurrentHashMap<>();
    /** The same changes in key order. */
    private volatile ConcurrentNavigableMap<String, Change<V>> changed = sortedTable();

    /** An entity's value since its last change, {@code null} for a deletion; updated in place. */
    private static final class Change<V> {
        volatile V value;
        /** Whether the first change since the commit put a value: the entity may be new, not in the store. */
        final boolean putFirst;

        Change(V value) {
            this.value = value;
            this.putFirst = value != null;
        }
    }

    private EntityStore(KeyValueStore<String, V> store) {
        super(store);
    }

    /** The store of {@code supplier}, keys as strings and values in {@code serde}. */
    public static <V> StoreBuilder<EntityStore<V>> builder(KeyValueBytesStoreSupplier supplier, Serde<V> serde) {
        return builder(Stores.keyValueStoreBuilder(supplier, Serdes.String(), serde), EntityStore::new);
    }

    @Override
    public V get(String key) {
        Change<V> change = changedByKey.get(key);
        return change != null ? change.value : store.get(key);
    }

    @Override
    public void put(String key, V value) {
        Change<V> change = changedByKey.get(key);
        if (change != null) {
            change.value = value;
        } else {
            change = new Change<>(value);
            changedByKey.put(key, change);
            changed.put(key, change);
        }
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(String key) {
        V current = get(key);
        put(key, null);
        return current;
    }

    // each read takes the changes before the store's iterator: a commit in between leaves them in both, not in neither

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        Iterator<Map.Entry<String, Change<V>>> changes = changedBetween(from, to).entrySet().iterator();
        return merged(store.range(from, to), changes, false);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        Iterator<Map.Entry<String, Change<V>>> changes = changedBetween(from, to).descendingMap().entrySet().iterator();
        return merged(store.reverseRange(from, to), changes, true);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        Iterator<Map.Entry<String, Change<V>>> changes = changed.entrySet().iterator();
        return merged(store.all(), changes, false);
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        Iterator<Map.Entry<String, Change<V>>> changes = changed.descendingMap().entrySet().iterator();
        return merged(store.reverseAll(), changes, true);
    }

    /** The keys starting with {@code prefix}: only string prefixes, whose UTF-8 bytes prefix the key's. */
    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        String start = (String) prefix;
        Iterator<Map.Entry<String, Change<V>>> changes = changed.tailMap(start, true).entrySet().stream()
                .takeWhile(entry -> entry.getKey().startsWith(start)).iterator();
        return merged(store.prefixScan(prefix, prefixKeySerializer), changes, false);
    }

    @Override
    public long approximateNumEntries() {
        return store.approximateNumEntries();
    }

    /**
     * Writes each entity changed since the last flush, a deletion as a tombstone unless the entity came and went
     * since the last flush without ever being stored: a contact that starts and stops waiting between two commits,
     * as most do while catching up, leaves nothing in the store or its changelog.
     */
    @Override
    public void flushCache() {
        changedByKey.forEach((key, change) -> {
            if (change.value != null || !change.putFirst || store.get(key) != null) {
                store.put(key, change.value);
            }
        });
        clearCache();
    }

    @Override
    public void clearCache() {
        changedByKey = new ConcurrentHashMap<>();
        changed = sortedTable();
    }

    private static <V> ConcurrentNavigableMap<String, Change<V>> sortedTable() {
        return new ConcurrentSkipListMap<>(Utf8Order.COMPARATOR);
    }

    private ConcurrentNavigableMap<String, Change<V>> changedBetween(String from, String to) {
        if (from != null && to != null && Utf8Order.compare(from, to) > 0) {
            return sortedTable();
        }
        ConcurrentNavigableMap<String, Change<V>> range = changed;
        if (from != null) {
            range = range.tailMap(from, true);
        }
        if (to != null) {
            range = range.headMap(to, true);
        }
        return range;
    }

    private static <V> KeyValueIterator<String, V> merged(KeyValueIterator<String, V> stored,
                                                          Iterator<Map.Entry<String, Change<V>>> changedInOrder,
                                                          boolean descending) {
        if (!changedInOrder.hasNext()) {
            return stored;
        }
        return new MergedIterator<>(stored, changedInOrder,
                descending ? Utf8Order.COMPARATOR.reversed() : Utf8Order.COMPARATOR);
    }

    /** The store's entries with the changed ones in their place, deletions left out, both in the same key order. */
    private static final class MergedIterator<V> implements KeyValueIterator<String, V> {
        private final KeyValueIterator<String, V> stored;
        private final Iterator<Map.Entry<String, Change<V>>> changed;
        private final Comparator<String> order;
        private Map.Entry<String, Change<V>> nextChanged;
        private KeyValue<String, V> next;

        MergedIterator(KeyValueIterator<String, V> stored, Iterator<Map.Entry<String, Change<V>>> changed,
                       Comparator<String> order) {
            this.stored = stored;
            this.changed = changed;
            this.order = order;
            this.nextChanged = changed.hasNext() ? changed.next() : null;
        }

        @Override
        public boolean hasNext() {
            while (next == null && (nextChanged != null || stored.hasNext())) {
                int cmp = nextChanged == null ? -1 : !stored.hasNext() ? 1
                        : order.compare(stored.peekNextKey(), nextChanged.getKey());
                if (cmp < 0) {
                    next = stored.next();
                } else {
                    if (cmp == 0) {
                        stored.next();
                    }
                    String key = nextChanged.getKey();
                    V value = nextChanged.getValue().value;
                    nextChanged = changed.hasNext() ? changed.next() : null;
                    if (value != null) {
                        next = KeyValue.pair(key, value);
                    }
                }
            }
            return next != null;
        }

        @Override
        public KeyValue<String, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<String, V> result = next;
            next = null;
            return result;
        }

        @Override
        public String peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            stored.close();
        }
    }
}
