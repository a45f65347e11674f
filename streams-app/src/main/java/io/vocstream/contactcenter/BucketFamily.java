package io.vocstream.contactcenter;

import io.vocstream.buckets.BucketStore;
import io.vocstream.buckets.Mergeable;
import io.vocstream.time.BucketSize;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * One kind of bucket statistics kept at both bucket sizes: minute buckets answer the rolling windows up to a day,
 * quarter-hour buckets (kept for {@link #WEEK_RETENTION} plus the grace period) the rolling week, the day and the
 * aligned intervals. The minute store keeps the family's name; the quarter-hour one adds {@code -quarter-hour}.
 */
final class BucketFamily<S extends Mergeable<S>> {
    /** The rolling week plus its partial first day. */
    static final Duration WEEK_RETENTION = Duration.ofDays(8);

    private final Map<BucketSize, BucketStore<S>> stores = new EnumMap<>(BucketSize.class);

    private BucketFamily() {
    }

    static String storeName(String family, BucketSize size) {
        return size == BucketSize.MINUTE ? family : family + "-quarter-hour";
    }

    static String[] storeNames(String family) {
        return new String[] {storeName(family, BucketSize.MINUTE), storeName(family, BucketSize.QUARTER_HOUR)};
    }

    /** How long buckets of {@code size} are kept. */
    static Duration retention(BucketSize size, ContactCenterConfig config, Duration grace) {
        return size == BucketSize.MINUTE ? config.retention() : WEEK_RETENTION.plus(grace);
    }

    static <S extends Mergeable<S>> void addStores(StreamsBuilder builder, String family, Serde<S> serde,
                                                   ContactCenterConfig config, Duration grace) {
        for (BucketSize size : BucketSize.values()) {
            builder.addStateStore(BucketStore.builder(storeName(family, size), size, retention(size, config, grace),
                    serde));
        }
    }

    /** The family's stores as a processor that named both of them sees them. */
    static <S extends Mergeable<S>> BucketFamily<S> open(ProcessorContext<?, ?> context, String family) {
        BucketFamily<S> buckets = new BucketFamily<>();
        for (BucketSize size : BucketSize.values()) {
            buckets.stores.put(size, new BucketStore<>(context.getStateStore(storeName(family, size)), size));
        }
        return buckets;
    }

    /** Adds {@code delta} to the bucket holding {@code eventTimeMillis} at every size. */
    void add(String sliceKey, long eventTimeMillis, S delta) {
        stores.values().forEach(store -> store.add(sliceKey, eventTimeMillis, delta));
    }
}
