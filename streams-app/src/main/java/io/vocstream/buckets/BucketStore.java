package io.vocstream.buckets;

import io.vocstream.streams.CommitBufferedStore;
import io.vocstream.streams.Utf8Order;
import io.vocstream.streams.WindowStores;
import io.vocstream.time.BucketSize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Per-partition statistics per (slice, time bucket), in a window store whose window start is the bucket start and
 * whose retention drops whole segments of old buckets. Each partition keeps its own partial statistics (nothing is
 * re-partitioned per dimension); queries merge the partials of every partition and instance.
 *
 * <p>Pre-aggregating: {@link #add} merges a delta into an in-memory table of the buckets touched since the last
 * commit, and each touched bucket is written to the window store (and its changelog) once per commit. An event adds
 * to many slices at every size, so writing through would decode and encode a bucket per slice per event. The deltas
 * are written when Kafka flushes the store before a commit and dropped if the transaction aborts (a
 * {@link CommitBufferedStore}); the window store underneath is a plain, logged, uncached RocksDB window store.
 *
 * <p>Reads see the deltas too, at most {@code publishEvery} after their events (twice that for deltas no later add
 * publishes), without waiting for a commit: a commit of exactly-once processing costs a transaction (markers on every
 * partition written), so commits are spaced out for throughput, and reading what was processed keeps answers fresh
 * meanwhile (as Kafka Streams' own stores are read before their changes commit). Every {@code publishEvery} (on an
 * add, or on the wall-clock punctuation {@link BucketFamily#add} schedules for deltas no later add published) the
 * stream thread moves its deltas into a concurrent table of visible buckets, each holding the bucket as it was when
 * first touched and the deltas added since; a commit writes those buckets through and keeps them, as written, in the
 * previous table for one more commit interval, then drops that table whole. A read takes the visible buckets of its
 * range first (a bucket's in the current table before its previous one) and the window store's second, and for each
 * bucket uses the visible one if there was one, else the window store's: a bucket is never counted from both, and
 * one that left the tables was written to the window store before it left, so a read that did not see it in them
 * finds it there.
 */
public final class BucketStore<S extends Mergeable<S>> extends CommitBufferedStore<WindowStore<String, S>>
        implements ReadOnlyWindowStore<String, S> {
    /** How long processed events may wait to be visible to reads, as a default. */
    public static final Duration PUBLISH_EVERY = Duration.ofMillis(100);

    private final BucketSize size;
    private final long publishEveryNanos;
    private final long retentionMillis;
    private final long segmentMillis;
    /** The newest bucket start this store wrote: the window store drops whole segments older than its retention. */
    private long newestStart = Long.MIN_VALUE;
    /**
     * Whether the window store held nothing when first read after the store was (re)opened, so that it holds no
     * bucket newer than {@link #newestStart}; {@code null} until then (a store is restored after it is opened).
     */
    private Boolean startedEmpty;
    /** The newest wall-clock time an add was made at. */
    private long clockMillis = Long.MIN_VALUE;
    /** Deltas not yet visible: the stream thread's alone. */
    private final Map<Bucket, S> pending = new HashMap<>();
    /** The visible buckets, as reads see them; written by the stream thread only. */
    private volatile Tables<S> tables = Tables.empty();
    private long publishedNanos = System.nanoTime();

    /**
     * A bucket, in the window store's order: by the key's UTF-8 bytes (as the store compares its serialized keys,
     * which is what a key range means), then by start.
     */
    private record Bucket(String sliceKey, long startMillis) implements Comparable<Bucket> {
        @Override
        public int compareTo(Bucket other) {
            int byKey = Utf8Order.compare(sliceKey, other.sliceKey);
            return byKey != 0 ? byKey : Long.compare(startMillis, other.startMillis);
        }
    }

    /**
     * A visible bucket: what the window store held when it was first touched ({@code null} for none, and after a
     * commit what was written) and the deltas since ({@code null} for none, i.e. already written).
     */
    private record Visible<S extends Mergeable<S>>(S base, S delta) {
        S value() {
            return base == null ? delta : delta == null ? base : base.merge(delta);
        }

        Visible<S> plus(S more) {
            return new Visible<>(base, delta == null ? more : delta.merge(more));
        }
    }

    /**
     * The buckets touched since the last commit and those the last commit wrote. A commit starts a new current table
     * and keeps its current one as the previous, forgetting the previous one's buckets at once rather than one by
     * one: a sorted table's removals and insertions each search it, comparing keys character by character.
     */
    private record Tables<S extends Mergeable<S>>(Table<S> current, Table<S> previous) {
        static <T extends Mergeable<T>> Tables<T> empty() {
            return new Tables<T>(new Table<T>(), new Table<T>());
        }

        /** The visible bucket of {@code bucket}, for any thread; {@code null} for none. */
        Slot<S> find(Bucket bucket) {
            Slot<S> slot = current.sorted.get(bucket);
            return slot != null ? slot : previous.sorted.get(bucket);
        }
    }

    /** Visible buckets in the window store's order for reads, and by hash for the stream thread. */
    private static final class Table<S extends Mergeable<S>> {
        final ConcurrentNavigableMap<Bucket, Slot<S>> sorted = new ConcurrentSkipListMap<>();
        final Map<Bucket, Slot<S>> byHash = new HashMap<>();

        void put(Bucket bucket, Slot<S> slot) {
            sorted.put(bucket, slot);
            byHash.put(bucket, slot);
        }
    }

    /**
     * A visible bucket's place in its table, updated in place: the table's entries change only when a bucket comes,
     * and a read takes base and deltas together from one reference.
     */
    private static final class Slot<S extends Mergeable<S>> {
        volatile Visible<S> bucket;

        Slot(Visible<S> bucket) {
            this.bucket = bucket;
        }
    }

    private BucketStore(WindowStore<String, S> store, BucketSize size, Duration publishEvery, long retentionMillis,
                        long segmentMillis) {
        super(store);
        this.size = size;
        this.publishEveryNanos = publishEvery.toNanos();
        this.retentionMillis = retentionMillis;
        this.segmentMillis = segmentMillis;
    }

    /** The store to add to the topology (and to name in the processor that writes it). */
    public static <S extends Mergeable<S>> StoreBuilder<BucketStore<S>> builder(
            String name, BucketSize size, Duration retention, Serde<S> serde) {
        return builder(name, size, retention, serde, PUBLISH_EVERY);
    }

    /** As {@link #builder(String, BucketSize, Duration, Serde)}, publishing deltas every {@code publishEvery}. */
    static <S extends Mergeable<S>> StoreBuilder<BucketStore<S>> builder(
            String name, BucketSize size, Duration retention, Serde<S> serde, Duration publishEvery) {
        WindowBytesStoreSupplier rocksdb = WindowStores.persistent(name, retention, size.length());
        return builder(Stores.windowStoreBuilder(rocksdb, Serdes.String(), serde), store -> new BucketStore<>(store,
                size, publishEvery, rocksdb.retentionPeriod(), rocksdb.segmentIntervalMs()));
    }

    /**
     * Merges {@code delta} into the bucket of {@code sliceKey} that holds {@code eventTimeMillis}, unless the window
     * store would drop that bucket by the time its stream time reaches {@code nowMillis} (the wall clock), and
     * publishes the pending deltas if the last publication is {@code publishEvery} ago. True if deltas wait to be
     * published.
     */
    public boolean add(String sliceKey, long eventTimeMillis, S delta, long nowMillis) {
        clockMillis = Math.max(clockMillis, nowMillis);
        long start = size.startOf(eventTimeMillis);
        if (!expired(start)) {
            pending.merge(new Bucket(sliceKey, start), delta, Mergeable::merge);
        }
        if (System.nanoTime() - publishedNanos >= publishEveryNanos) {
            publish();
            return false;
        }
        return !pending.isEmpty();
    }

    /** Makes the pending deltas visible to reads. */
    void publish() {
        Tables<S> visible = tables;
        pending.forEach((bucket, delta) -> {
            Slot<S> slot = visible.current().byHash.get(bucket);
            if (slot != null) {
                slot.bucket = slot.bucket.plus(delta);
            } else {
                Slot<S> written = visible.previous().byHash.get(bucket);
                S base = written != null ? written.bucket.value() : stored(bucket);
                visible.current().put(bucket, new Slot<>(new Visible<>(base, delta)));
            }
        });
        pending.clear();
        publishedNanos = System.nanoTime();
    }

    /**
     * What the window store holds of a bucket: nothing, without a lookup, for a bucket newer than any it can hold.
     * While catching up most buckets are new, and a lookup that finds nothing consults every level of RocksDB.
     */
    private S stored(Bucket bucket) {
        if (startedEmpty == null) {
            try (KeyValueIterator<Windowed<String>, S> any = store.all()) {
                startedEmpty = !any.hasNext();
            }
        }
        return startedEmpty && bucket.startMillis() > newestStart ? null
                : store.fetch(bucket.sliceKey(), bucket.startMillis());
    }

    /**
     * Writes every bucket touched since the last commit to the window store and keeps it visible as written, except
     * those in segments the window store drops; forgets the buckets untouched since the last commit, which that
     * commit wrote.
     */
    @Override
    public void flushCache() {
        publish();
        Table<S> touched = tables.current();
        touched.byHash.keySet().forEach(bucket -> newestStart = Math.max(newestStart, bucket.startMillis()));
        for (Iterator<Map.Entry<Bucket, Slot<S>>> buckets = touched.byHash.entrySet().iterator(); buckets.hasNext(); ) {
            Map.Entry<Bucket, Slot<S>> entry = buckets.next();
            Bucket bucket = entry.getKey();
            Slot<S> slot = entry.getValue();
            if (expired(bucket.startMillis())) {
                touched.sorted.remove(bucket);
                buckets.remove();
            } else {
                S value = slot.bucket.value();
                store.put(bucket.sliceKey(), value, bucket.startMillis());
                slot.bucket = new Visible<>(value, null);
            }
        }
        tables = new Tables<>(new Table<>(), touched);
    }

    /**
     * Whether the window store refuses, or will have dropped once its stream time reaches the clock, a bucket
     * starting at {@code startMillis}: its segment is older than the retention behind the newest bucket written or
     * behind the clock. Catching up on a history, every event older than the retention behind the present lands
     * there (an instance that kept up would have dropped its bucket already), and so does a revised outcome of
     * something long past (a repeat contact, a late survey of an old contact). Dropped here, such a bucket costs no
     * merging, no encoding and no changelog record, which the window store would log while refusing it or keep until
     * the catch-up expires it.
     */
    private boolean expired(long startMillis) {
        long newest = Math.max(newestStart, clockMillis);
        return newest != Long.MIN_VALUE && startMillis / segmentMillis < (newest - retentionMillis) / segmentMillis;
    }

    @Override
    public void clearCache() {
        pending.clear();
        tables = Tables.empty();
        newestStart = Long.MIN_VALUE;
        startedEmpty = null;
    }

    @Override
    public S fetch(String key, long time) {
        Slot<S> slot = tables.find(new Bucket(key, time));
        return slot != null ? slot.bucket.value() : store.fetch(key, time);
    }

    @Override
    public WindowStoreIterator<S> fetch(String key, Instant timeFrom, Instant timeTo) {
        return startsOf(read(key, key, timeFrom, timeTo, false));
    }

    @Override
    public WindowStoreIterator<S> backwardFetch(String key, Instant timeFrom, Instant timeTo) {
        return startsOf(read(key, key, timeFrom, timeTo, true));
    }

    @Override
    public KeyValueIterator<Windowed<String>, S> fetch(String keyFrom, String keyTo, Instant timeFrom,
                                                        Instant timeTo) {
        return read(keyFrom, keyTo, timeFrom, timeTo, false);
    }

    @Override
    public KeyValueIterator<Windowed<String>, S> backwardFetch(String keyFrom, String keyTo, Instant timeFrom,
                                                                Instant timeTo) {
        return read(keyFrom, keyTo, timeFrom, timeTo, true);
    }

    @Override
    public KeyValueIterator<Windowed<String>, S> all() {
        return read(null, null, Instant.ofEpochMilli(0), Instant.ofEpochMilli(Long.MAX_VALUE), false);
    }

    @Override
    public KeyValueIterator<Windowed<String>, S> backwardAll() {
        return read(null, null, Instant.ofEpochMilli(0), Instant.ofEpochMilli(Long.MAX_VALUE), true);
    }

    @Override
    public KeyValueIterator<Windowed<String>, S> fetchAll(Instant timeFrom, Instant timeTo) {
        return read(null, null, timeFrom, timeTo, false);
    }

    @Override
    public KeyValueIterator<Windowed<String>, S> backwardFetchAll(Instant timeFrom, Instant timeTo) {
        return read(null, null, timeFrom, timeTo, true);
    }

    /**
     * The buckets of keys {@code [keyFrom, keyTo]} ({@code null}: unbounded) starting within {@code [timeFrom,
     * timeTo]}: the visible ones, read first, in place of the window store's.
     */
    private KeyValueIterator<Windowed<String>, S> read(String keyFrom, String keyTo, Instant timeFrom, Instant timeTo,
                                                       boolean backward) {
        long from = timeFrom.toEpochMilli();
        long to = timeTo.toEpochMilli();
        // the current table after the previous: a bucket in both is as the current one has it
        Map<Bucket, S> touched = new HashMap<>();
        Tables<S> visible = tables;
        for (Table<S> table : List.of(visible.previous(), visible.current())) {
            keysOf(table, keyFrom, keyTo).forEach((bucket, slot) -> {
                if (bucket.startMillis() >= from && bucket.startMillis() <= to) {
                    touched.put(bucket, slot.bucket.value());
                }
            });
        }
        KeyValueIterator<Windowed<String>, S> stored = backward ? store.backwardFetch(keyFrom, keyTo, timeFrom, timeTo)
                : store.fetch(keyFrom, keyTo, timeFrom, timeTo);
        if (touched.isEmpty()) {
            return stored;
        }
        List<KeyValue<Windowed<String>, S>> buckets = new ArrayList<>();
        try (stored) {
            stored.forEachRemaining(kv -> {
                S now = touched.remove(new Bucket(kv.key.key(), kv.key.window().start()));
                buckets.add(now == null ? kv : KeyValue.pair(kv.key, now));
            });
        }
        touched.forEach((bucket, value) -> buckets.add(KeyValue.pair(new Windowed<>(bucket.sliceKey(),
                new TimeWindow(bucket.startMillis(), bucket.startMillis() + size.length().toMillis())), value)));
        if (backward) {
            Collections.reverse(buckets);
        }
        return new ListIterator<>(buckets);
    }

    private static <S extends Mergeable<S>> ConcurrentNavigableMap<Bucket, Slot<S>> keysOf(
            Table<S> table, String keyFrom, String keyTo) {
        ConcurrentNavigableMap<Bucket, Slot<S>> range = table.sorted;
        if (keyFrom != null) {
            range = range.tailMap(new Bucket(keyFrom, Long.MIN_VALUE), true);
        }
        if (keyTo != null) {
            range = range.headMap(new Bucket(keyTo, Long.MAX_VALUE), true);
        }
        return range;
    }

    private static <S> WindowStoreIterator<S> startsOf(KeyValueIterator<Windowed<String>, S> buckets) {
        return new WindowStoreIterator<>() {
            @Override
            public void close() {
                buckets.close();
            }

            @Override
            public Long peekNextKey() {
                return buckets.peekNextKey().window().start();
            }

            @Override
            public boolean hasNext() {
                return buckets.hasNext();
            }

            @Override
            public KeyValue<Long, S> next() {
                KeyValue<Windowed<String>, S> next = buckets.next();
                return KeyValue.pair(next.key.window().start(), next.value);
            }
        };
    }

    /** Read buckets, merged from both tables. */
    private static final class ListIterator<K, V> implements KeyValueIterator<K, V> {
        private final List<KeyValue<K, V>> items;
        private int next;

        ListIterator(List<KeyValue<K, V>> items) {
            this.items = items;
        }

        @Override
        public boolean hasNext() {
            return next < items.size();
        }

        @Override
        public KeyValue<K, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.get(next++);
        }

        @Override
        public K peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.get(next).key;
        }

        @Override
        public void close() {
        }
    }
}
