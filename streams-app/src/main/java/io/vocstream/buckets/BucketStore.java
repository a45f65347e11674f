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
 * <p>Reads see the deltas too, at most {@code publishEvery} after their events, without waiting for a commit: a
 * commit of exactly-once processing costs a transaction (markers on every partition written), so commits are spaced
 * out for throughput, and reading what was processed keeps answers fresh meanwhile (as Kafka Streams' own stores
 * are read before their changes commit). Every {@code publishEvery} (on an add, or on the wall-clock punctuation
 * {@link BucketFamily#open} schedules, for a store no event touches) the stream thread moves its deltas into a
 * concurrent table of visible buckets, each holding the bucket as the window store had it when first touched and
 * the deltas added since; a commit writes those buckets through and keeps them one more commit interval. A read
 * takes the visible buckets of its range first and the window store's second, and for each bucket uses the visible
 * one if there was one, else the window store's: a bucket is never counted from both, and one that left the table
 * was written to the window store before it left, so a read that did not see it in the table finds it there.
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
    /** Deltas not yet visible: the stream thread's alone. */
    private final Map<Bucket, S> pending = new HashMap<>();
    /** Buckets touched since the commit before last, as reads see them; written by the stream thread only. */
    private final ConcurrentNavigableMap<Bucket, Slot<S>> visible = new ConcurrentSkipListMap<>();
    /** The slots of {@link #visible} by hash, for the stream thread to find a touched bucket's without a search. */
    private final Map<Bucket, Slot<S>> slots = new HashMap<>();
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
     * A visible bucket's place in the table, updated in place: the table's entries change only when a bucket comes
     * or goes, and a read takes base and deltas together from one reference.
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

    /** Merges {@code delta} into the bucket of {@code sliceKey} that holds {@code eventTimeMillis}. */
    public void add(String sliceKey, long eventTimeMillis, S delta) {
        pending.merge(new Bucket(sliceKey, size.startOf(eventTimeMillis)), delta, Mergeable::merge);
        publishIfDue();
    }

    /**
     * Publishes the pending deltas if the last publication is {@code publishEvery} ago: on each add, and on a
     * wall-clock punctuation, so that the deltas of a store no further event touches do not wait for the commit.
     */
    void publishIfDue() {
        if (System.nanoTime() - publishedNanos >= publishEveryNanos) {
            publish();
        }
    }

    /** Makes the pending deltas visible to reads. */
    void publish() {
        pending.forEach((bucket, delta) -> {
            Slot<S> slot = slots.get(bucket);
            if (slot != null) {
                slot.bucket = slot.bucket.plus(delta);
            } else {
                slot = new Slot<>(new Visible<>(store.fetch(bucket.sliceKey(), bucket.startMillis()), delta));
                visible.put(bucket, slot);
                slots.put(bucket, slot);
            }
        });
        pending.clear();
        publishedNanos = System.nanoTime();
    }

    /**
     * Writes every bucket with deltas to the window store and keeps it visible as written; forgets the buckets
     * untouched since the last commit, which that commit wrote, and those in segments the window store drops.
     */
    @Override
    public void flushCache() {
        publish();
        slots.forEach((bucket, slot) -> {
            if (slot.bucket.delta() != null) {
                newestStart = Math.max(newestStart, bucket.startMillis());
            }
        });
        for (Iterator<Map.Entry<Bucket, Slot<S>>> touched = slots.entrySet().iterator(); touched.hasNext(); ) {
            Map.Entry<Bucket, Slot<S>> entry = touched.next();
            Bucket bucket = entry.getKey();
            Slot<S> slot = entry.getValue();
            if (slot.bucket.delta() == null || expired(bucket)) {
                visible.remove(bucket);
                touched.remove();
            } else {
                S value = slot.bucket.value();
                store.put(bucket.sliceKey(), value, bucket.startMillis());
                slot.bucket = new Visible<>(value, null);
            }
        }
    }

    /**
     * Whether the window store would refuse the bucket: its segment is older than the retention behind the newest
     * bucket written. A revised outcome of something long past lands there (a repeat contact, a late survey of an
     * old contact), and so do the buckets of a topic that falls behind a sparser one while catching up, all of them
     * expired by the end of it. Dropped here, such a write costs neither an encoding nor a changelog record, which
     * the window store would log while refusing it.
     */
    private boolean expired(Bucket bucket) {
        return newestStart != Long.MIN_VALUE
                && bucket.startMillis() / segmentMillis < (newestStart - retentionMillis) / segmentMillis;
    }

    @Override
    public void clearCache() {
        pending.clear();
        visible.clear();
        slots.clear();
    }

    @Override
    public S fetch(String key, long time) {
        Slot<S> slot = visible.get(new Bucket(key, time));
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
        Map<Bucket, S> touched = new HashMap<>();
        visibleKeys(keyFrom, keyTo).forEach((bucket, slot) -> {
            if (bucket.startMillis() >= from && bucket.startMillis() <= to) {
                touched.put(bucket, slot.bucket.value());
            }
        });
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

    private ConcurrentNavigableMap<Bucket, Slot<S>> visibleKeys(String keyFrom, String keyTo) {
        ConcurrentNavigableMap<Bucket, Slot<S>> range = visible;
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
