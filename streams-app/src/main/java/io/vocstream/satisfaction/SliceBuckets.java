package io.vocstream.satisfaction;

import io.vocstream.buckets.BucketStore;
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
    static final Serde<SatisfactionStats> SERDE = SatisfactionStatsSerde.serde();
    /** How long buckets are kept (beyond the grace period): the longest window each size answers, and some. */
    static final Duration MINUTES_KEPT = Duration.ofHours(25);
    static final Duration QUARTER_HOURS_KEPT = Duration.ofDays(8);

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
            Duration kept = size == BucketSize.MINUTE ? MINUTES_KEPT : QUARTER_HOURS_KEPT;
            // cached: a busy slice's bucket is updated many times between commits, and written once
            builder.addStateStore(BucketStore.builder(storeName(family, size), size, kept.plus(grace), SERDE)
                    .withCachingEnabled());
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
