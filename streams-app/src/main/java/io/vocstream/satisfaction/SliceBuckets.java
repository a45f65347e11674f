package io.vocstream.satisfaction;

import io.vocstream.buckets.BucketStore;
import io.vocstream.streams.JsonSerde;
import io.vocstream.time.BucketSize;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.WindowStore;

/**
 * One family of slice statistics ({@code satisfaction-slices}, {@code satisfaction-wait}, ...) kept at both bucket
 * sizes: minute buckets answer windows up to a day and 1-minute series, quarter-hour buckets answer the week, the
 * calendar spans and 1-hour series.
 */
final class SliceBuckets {
    static final Serde<SatisfactionStats> SERDE = JsonSerde.of(SatisfactionStats.class);

    private final Map<BucketSize, BucketStore<SatisfactionStats>> stores = new EnumMap<>(BucketSize.class);

    private SliceBuckets() {
    }

    /** The store of {@code family} at {@code size}, e.g. {@code satisfaction-slices-minute}. */
    static String storeName(String family, BucketSize size) {
        return family + (size == BucketSize.MINUTE ? "-minute" : "-quarter-hour");
    }

    static String[] storeNames(String family) {
        return Arrays.stream(BucketSize.values()).map(size -> storeName(family, size)).toArray(String[]::new);
    }

    /** Adds the family's stores; buckets are kept for the longest window they answer plus the grace period. */
    static void addStores(StreamsBuilder builder, String family, Duration grace) {
        for (BucketSize size : BucketSize.values()) {
            Duration longestWindow = size == BucketSize.MINUTE ? Duration.ofHours(25) : Duration.ofDays(8);
            builder.addStateStore(BucketStore.builder(storeName(family, size), size, longestWindow.plus(grace),
                    SERDE));
        }
    }

    /** The family's stores as a processor sees them. */
    static SliceBuckets open(ProcessorContext<?, ?> context, String family) {
        SliceBuckets buckets = new SliceBuckets();
        for (BucketSize size : BucketSize.values()) {
            WindowStore<String, SatisfactionStats> store = context.getStateStore(storeName(family, size));
            buckets.stores.put(size, new BucketStore<>(store, size));
        }
        return buckets;
    }

    void add(String sliceKey, long eventTimeMillis, SatisfactionStats delta) {
        stores.values().forEach(store -> store.add(sliceKey, eventTimeMillis, delta));
    }
}
