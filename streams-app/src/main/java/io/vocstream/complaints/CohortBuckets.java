package io.vocstream.complaints;

import io.vocstream.buckets.BucketStore;
import io.vocstream.streams.JsonSerde;
import io.vocstream.time.BucketSize;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * One kind of complaint statistics in the two bucket sizes the windows are answered from: minutes (kept a day, for
 * the rolling windows up to 24 h) and quarter hours (kept a week, for 7d and today). Each write goes to both.
 */
final class CohortBuckets {
    private static final Duration MINUTES_KEPT = Duration.ofHours(25);
    private static final Duration QUARTERS_KEPT = Duration.ofDays(8);

    private final BucketStore<ComplaintStats> minutes;
    private final BucketStore<ComplaintStats> quarters;

    private CohortBuckets(BucketStore<ComplaintStats> minutes, BucketStore<ComplaintStats> quarters) {
        this.minutes = minutes;
        this.quarters = quarters;
    }

    /** The stores' names, e.g. complaint-kpis-minute; {@code kind} names what they count. */
    static String storeName(String kind, BucketSize size) {
        return kind + "-" + size.name().toLowerCase().replace('_', '-');
    }

    /** Adds both stores of {@code kind}; a late event inside the grace still finds its bucket. */
    static String[] addStores(StreamsBuilder builder, String kind, Duration grace) {
        builder.addStateStore(BucketStore.builder(storeName(kind, BucketSize.MINUTE), BucketSize.MINUTE,
                MINUTES_KEPT.plus(grace), JsonSerde.of(ComplaintStats.class)));
        builder.addStateStore(BucketStore.builder(storeName(kind, BucketSize.QUARTER_HOUR), BucketSize.QUARTER_HOUR,
                QUARTERS_KEPT.plus(grace), JsonSerde.of(ComplaintStats.class)));
        return new String[] {storeName(kind, BucketSize.MINUTE), storeName(kind, BucketSize.QUARTER_HOUR)};
    }

    static CohortBuckets open(ProcessingContext context, String kind) {
        return new CohortBuckets(
                new BucketStore<>(context.getStateStore(storeName(kind, BucketSize.MINUTE)), BucketSize.MINUTE),
                new BucketStore<>(context.getStateStore(storeName(kind, BucketSize.QUARTER_HOUR)),
                        BucketSize.QUARTER_HOUR));
    }

    /** Merges {@code delta} into the bucket holding {@code cohortTime} of every slice. */
    void add(Collection<String> sliceKeys, long cohortTime, ComplaintStats delta) {
        if (delta.isEmpty()) {
            return;
        }
        for (String slice : sliceKeys) {
            minutes.add(slice, cohortTime, delta);
            quarters.add(slice, cohortTime, delta);
        }
    }
}
