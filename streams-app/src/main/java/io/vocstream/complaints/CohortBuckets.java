package io.vocstream.complaints;

import io.vocstream.buckets.BucketFamily;
import io.vocstream.streams.JsonSerde;
import io.vocstream.time.BucketSize;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * One kind of complaint statistics in the two bucket sizes the windows are answered from: minutes (kept a day, for
 * the rolling windows up to 24 h) and quarter hours (kept a week, for 7d and today), written for every slice of a
 * complaint at its cohort time.
 */
final class CohortBuckets {
    private static final Duration MINUTES_KEPT = Duration.ofHours(25);
    private static final Duration QUARTERS_KEPT = Duration.ofDays(8);

    private final BucketFamily<ComplaintStats> buckets;

    private CohortBuckets(BucketFamily<ComplaintStats> buckets) {
        this.buckets = buckets;
    }

    /** The stores' names, e.g. complaint-kpis-minute; {@code kind} names what they count. */
    static String storeName(String kind, BucketSize size) {
        return BucketFamily.storeName(kind, size);
    }

    /** Adds both stores of {@code kind}; a late event inside the grace still finds its bucket. */
    static String[] addStores(StreamsBuilder builder, String kind, Duration grace) {
        BucketFamily.addStores(builder, kind, JsonSerde.of(ComplaintStats.class),
                size -> (size == BucketSize.MINUTE ? MINUTES_KEPT : QUARTERS_KEPT).plus(grace));
        return BucketFamily.storeNames(kind);
    }

    static CohortBuckets open(ProcessingContext context, String kind) {
        return new CohortBuckets(BucketFamily.open(context, kind));
    }

    /** Merges {@code delta} into the bucket holding {@code cohortTime} of every slice. */
    void add(Collection<String> sliceKeys, long cohortTime, ComplaintStats delta) {
        if (delta.isEmpty()) {
            return;
        }
        for (String slice : sliceKeys) {
            buckets.add(slice, cohortTime, delta);
        }
    }
}
