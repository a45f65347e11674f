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
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * One kind of bucket statistics kept at every bucket size: minute buckets answer the ends of rolling windows up to a
 * day and 1-minute series, quarter-hour buckets every whole quarter hour of a window (see {@link BucketQueries}), the
 * week, the calendar spans and 1-hour series. Each write goes to all sizes; each size is its own store,
 * {@code <family>-minute} and {@code <family>-quarter-hour}.
 */
public final class BucketFamily<S extends Mergeable<S>> {
    /**
     * How long a delta waits for a later add to publish it before a punctuation does: longer than the stores'
     * {@link BucketStore#PUBLISH_EVERY}, so that the adds of a busy store always come first.
     */
    static final Duration QUIET_AFTER = BucketStore.PUBLISH_EVERY.multipliedBy(2);
    private final Map<BucketSize, BucketStore<S>> stores = new EnumMap<>(BucketSize.class);
    private final ProcessingContext context;
    /** The punctuation that publishes deltas no later add published; {@code null} while none waits. */
    private Cancellable quietPublisher;

    private BucketFamily(ProcessingContext context) {
        this.context = context;
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

    /** The family's stores as a processor that named all of them sees them. */
    public static <S extends Mergeable<S>> BucketFamily<S> open(ProcessingContext context, String family) {
        BucketFamily<S> buckets = new BucketFamily<>(context);
        for (BucketSize size : BucketSize.values()) {
            buckets.stores.put(size, context.getStateStore(storeName(family, size)));
        }
        return buckets;
    }

    /**
     * Adds {@code delta} to the bucket holding {@code eventTimeMillis} at every size. The stores publish their
     * deltas as they take more, every {@link BucketStore#PUBLISH_EVERY}; a delta that no later add publishes is
     * published by a wall-clock punctuation {@link #QUIET_AFTER} after it, scheduled only then: Kafka Streams
     * processes fewer records per task between two checks of its punctuations each time one of them runs, and one
     * firing every tenth of a second in every task kept that to a few records while catching up.
     */
    public void add(String sliceKey, long eventTimeMillis, S delta) {
        long nowMillis = context.currentSystemTimeMs();
        boolean waiting = false;
        for (BucketStore<S> store : stores.values()) {
            waiting |= store.add(sliceKey, eventTimeMillis, delta, nowMillis);
        }
        if (waiting && quietPublisher == null) {
            quietPublisher = context.schedule(QUIET_AFTER, PunctuationType.WALL_CLOCK_TIME, now -> publishQuiet());
        } else if (!waiting && quietPublisher != null) {
            quietPublisher.cancel();
            quietPublisher = null;
        }
    }

    private void publishQuiet() {
        stores.values().forEach(BucketStore::publish);
        quietPublisher.cancel();
        quietPublisher = null;
    }
}
