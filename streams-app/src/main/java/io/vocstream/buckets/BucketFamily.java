package io.vocstream.buckets;

import io.vocstream.time.BucketSize;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * One kind of bucket statistics kept at every bucket size: minute buckets answer the ends of rolling windows up to a
 * day and 1-minute series, quarter-hour buckets every whole quarter hour of a window (see {@link BucketQueries}), the
 * week, the calendar spans and 1-hour series. Each write goes to all sizes; each size is its own store,
 * {@code <family>-minute} and {@code <family>-quarter-hour}.
 */
public final class BucketFamily<S extends Mergeable<S>> {
    private final Map<BucketSize, BucketStore<S>> stores = new EnumMap<>(BucketSize.class);

    private BucketFamily() {
    }

    public static String storeName(String family, BucketSize size) {
        return family + (size == BucketSize.MINUTE ? "-minute" : "-quarter-hour");
    }

    public static String[] storeNames(String family) {
        return Arrays.stream(BucketSize.values()).map(size -> storeName(family, size)).toArray(String[]::new);
    }

    /** The stores a processor connects: {@code others}, and every size's store of each of {@code families}. */
    public static String[] withStores(List<String> others, String... families) {
        return Stream.concat(others.stream(),
                Arrays.stream(families).flatMap(family -> Arrays.stream(storeNames(family)))).toArray(String[]::new);
    }

    /** Adds the family's stores, buckets of each size kept for {@code retention} of it. */
    public static <S extends Mergeable<S>> void addStores(StreamsBuilder builder, String family, Serde<S> serde,
                                                          Function<BucketSize, Duration> retention) {
        for (BucketSize size : BucketSize.values()) {
            builder.addStateStore(BucketStore.builder(storeName(family, size), size, retention.apply(size), serde));
        }
    }

    /**
     * The family's stores as a processor that named all of them sees them, their deltas published to reads every
     * {@link BucketStore#PUBLISH_EVERY} of wall-clock time even while no event adds to them.
     */
    public static <S extends Mergeable<S>> BucketFamily<S> open(ProcessingContext context, String family) {
        BucketFamily<S> buckets = new BucketFamily<>();
        for (BucketSize size : BucketSize.values()) {
            buckets.stores.put(size, context.getStateStore(storeName(family, size)));
        }
        context.schedule(BucketStore.PUBLISH_EVERY, PunctuationType.WALL_CLOCK_TIME,
                now -> buckets.stores.values().forEach(BucketStore::publishIfDue));
        return buckets;
    }

    /** Adds {@code delta} to the bucket holding {@code eventTimeMillis} at every size. */
    public void add(String sliceKey, long eventTimeMillis, S delta) {
        stores.values().forEach(store -> store.add(sliceKey, eventTimeMillis, delta));
    }
}
