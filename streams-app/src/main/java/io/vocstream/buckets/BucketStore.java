package io.vocstream.buckets;

import io.vocstream.time.BucketSize;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Per-partition statistics per (slice, time bucket), in a window store whose window start is the bucket start and
 * whose retention drops whole segments of old buckets. Each partition keeps its own partial statistics (nothing is
 * re-partitioned per dimension); queries merge the partials of every partition and instance.
 */
public final class BucketStore<S extends Mergeable<S>> {
    private final WindowStore<String, S> store;
    private final BucketSize size;

    public BucketStore(WindowStore<String, S> store, BucketSize size) {
        this.store = store;
        this.size = size;
    }

    /**
     * The store to add to the topology (and to name in the processor that writes it). Cached: a bucket updated by
     * many events between two commits is written to its changelog once.
     */
    public static <S extends Mergeable<S>> StoreBuilder<WindowStore<String, S>> builder(
            String name, BucketSize size, Duration retention, Serde<S> serde) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, retention, size.length(), false), Serdes.String(), serde)
                .withCachingEnabled();
    }

    /** Merges {@code delta} into the bucket of {@code sliceKey} that holds {@code eventTimeMillis}. */
    public void add(String sliceKey, long eventTimeMillis, S delta) {
        long bucket = size.startOf(eventTimeMillis);
        S current = store.fetch(sliceKey, bucket);
        store.put(sliceKey, current == null ? delta : current.merge(delta), bucket);
    }
}
