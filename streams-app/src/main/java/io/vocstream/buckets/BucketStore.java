package io.vocstream.buckets;

import io.vocstream.time.BucketSize;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * Per-partition statistics per (slice, time bucket), in a window store whose window start is the bucket start and
 * whose retention drops whole segments of old buckets. Each partition keeps its own partial statistics (nothing is
 * re-partitioned per dimension); queries merge the partials of every partition and instance.
 *
 * <p>Pre-aggregating: {@link #add} merges a delta into an in-memory table of the buckets touched since the last
 * commit, and each touched bucket is read, merged and written to the window store (and its changelog) once per
 * commit. An event adds to many slices at every size, so writing through would decode and encode a bucket per
 * slice per event. The store takes part in Kafka Streams' commit protocol as a {@link CachedStateStore}: Kafka
 * calls {@link #flushCache} before it commits a task's offsets (so the deltas are in the same transaction as the
 * offsets of the events that made them) and {@link #clearCache} when it aborts one (so they are dropped with the
 * transaction and computed again from the re-read events). That interface is Kafka's internal hook for exactly this;
 * the window store underneath is a plain, logged, uncached RocksDB window store.
 *
 * <p>Reads (interactive queries) see the window store, i.e. the buckets as of the last commit.
 */
public final class BucketStore<S extends Mergeable<S>>
        implements StateStore, ReadOnlyWindowStore<String, S>, CachedStateStore<String, S> {
    private final WindowStore<String, S> store;
    private final BucketSize size;
    private final Map<Bucket, S> pending = new HashMap<>();

    private record Bucket(String sliceKey, long startMillis) {
    }

    private BucketStore(WindowStore<String, S> store, BucketSize size) {
        this.store = store;
        this.size = size;
    }

    /** The store to add to the topology (and to name in the processor that writes it). */
    public static <S extends Mergeable<S>> StoreBuilder<BucketStore<S>> builder(
            String name, BucketSize size, Duration retention, Serde<S> serde) {
        return new Builder<>(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, retention, size.length(), false), Serdes.String(), serde)
                .withCachingDisabled(), size);
    }

    /** Merges {@code delta} into the bucket of {@code sliceKey} that holds {@code eventTimeMillis}. */
    public void add(String sliceKey, long eventTimeMillis, S delta) {
        pending.merge(new Bucket(sliceKey, size.startOf(eventTimeMillis)), delta, Mergeable::merge);
    }

    @Override
    public void flushCache() {
        pending.forEach((bucket, delta) -> {
            S current = store.fetch(bucket.sliceKey(), bucket.startMillis());
            store.put(bucket.sliceKey(), current == null ? delta : current.merge(delta), bucket.startMillis());
        });
        pending.clear();
    }

    @Override
    public void clearCache() {
        pending.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, S> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return store.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        store.init(context, root);
    }

    @Override
    public void flush() {
        flushCache();
        store.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        store.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return store.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return store.managesOffsets();
    }

    @Override
    public void close() {
        pending.clear();
        store.close();
    }

    @Override
    public boolean persistent() {
        return store.persistent();
    }

    @Override
    public boolean isOpen() {
        return store.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return store.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return store.getPosition();
    }

    @Override
    public S fetch(String key, long time) {
        return store.fetch(key, time);
    }

    @Override
    public WindowStoreIterator<S> fetch(String key, Instant timeFrom, Instant timeTo) {
        return store.fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<S> backwardFetch(String key, Instant timeFrom, Instant timeTo) {
        return store.backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, S> fetch(String keyFrom, String keyTo, Instant timeFrom,
                                                        Instant timeTo) {
        return store.fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, S> backwardFetch(String keyFrom, String keyTo, Instant timeFrom,
                                                                Instant timeTo) {
        return store.backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, S> all() {
        return store.all();
    }

    @Override
    public KeyValueIterator<Windowed<String>, S> backwardAll() {
        return store.backwardAll();
    }

    @Override
    public KeyValueIterator<Windowed<String>, S> fetchAll(Instant timeFrom, Instant timeTo) {
        return store.fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, S> backwardFetchAll(Instant timeFrom, Instant timeTo) {
        return store.backwardFetchAll(timeFrom, timeTo);
    }

    /** Builds the logged window store underneath and wraps it; caching is the wrapper's own. */
    private static final class Builder<S extends Mergeable<S>> implements StoreBuilder<BucketStore<S>> {
        private final StoreBuilder<WindowStore<String, S>> windows;
        private final BucketSize size;

        Builder(StoreBuilder<WindowStore<String, S>> windows, BucketSize size) {
            this.windows = windows;
            this.size = size;
        }

        @Override
        public StoreBuilder<BucketStore<S>> withCachingEnabled() {
            return this;
        }

        @Override
        public StoreBuilder<BucketStore<S>> withCachingDisabled() {
            throw new UnsupportedOperationException("a bucket store always pre-aggregates between commits");
        }

        @Override
        public StoreBuilder<BucketStore<S>> withLoggingEnabled(Map<String, String> config) {
            windows.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<BucketStore<S>> withLoggingDisabled() {
            windows.withLoggingDisabled();
            return this;
        }

        @Override
        public BucketStore<S> build() {
            return new BucketStore<>(windows.build(), size);
        }

        @Override
        public Map<String, String> logConfig() {
            return windows.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return windows.loggingEnabled();
        }

        @Override
        public String name() {
            return windows.name();
        }
    }
}
