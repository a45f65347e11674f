package io.vocstream.buckets;

import io.vocstream.time.BucketSize;
import io.vocstream.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Reads bucket statistics back: over the stores of every local task (Kafka Streams' composite store), merging the
 * buckets of a time range. A window store's fetch range is inclusive of bucket starts, so a bucket belongs to
 * [from, to) when its start does.
 *
 * <p>Every read is a key-range read, even for one key: the composite store answers a single-key fetch from the first
 * task that has the key, as if keys were partitioned, but here every partition holds partials of the same slice.
 */
public final class BucketQueries {
    private BucketQueries() {
    }

    /** One slice over a range: every bucket of every local partition merged. */
    public static <S extends Mergeable<S>> S merged(BucketStores<S> stores,
                                                    String sliceKey, TimeRange range, S empty) {
        S total = empty;
        for (Part part : parts(range)) {
            try (KeyValueIterator<Windowed<String>, S> buckets = stores.apply(part.size()).fetch(sliceKey, sliceKey,
                    part.range().from(), lastStart(part.range()))) {
                while (buckets.hasNext()) {
                    total = total.merge(buckets.next().value);
                }
            }
        }
        return total;
    }

    /** Every slice whose key starts with {@code prefix} (one dimension), each merged over the range. */
    public static <S extends Mergeable<S>> Map<String, S> mergedByKeyPrefix(
            BucketStores<S> stores, String prefix, TimeRange range) {
        return mergedByKeyPrefix(stores, prefix, range, key -> true);
    }

    /**
     * Every slice whose key starts with {@code prefix} and that {@code wanted} accepts, each merged over the range:
     * for a prefix that spans slices of several dimensions, merging only those asked for.
     */
    public static <S extends Mergeable<S>> Map<String, S> mergedByKeyPrefix(
            BucketStores<S> stores, String prefix, TimeRange range,
            Predicate<String> wanted) {
        if (prefix.isEmpty()) {
            return mergedByKeyRange(stores, null, null, range, wanted);
        }
        return mergedByKeyRange(stores, prefix, above(prefix), range,
                key -> key.startsWith(prefix) && wanted.test(key));
    }

    /**
     * A key above every key starting with {@code prefix} in the stores' order, the order of UTF-8 bytes: its last
     * character raised by one. ({@code prefix} followed by U+FFFF would leave out the keys that continue with a
     * character outside the Basic Multilingual Plane, whose UTF-8 bytes sort above U+FFFF's.)
     */
    static String above(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        if (last >= Character.MIN_SURROGATE) {
            throw new IllegalArgumentException("a key prefix ends in a separator, not in " + prefix);
        }
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    /**
     * Every slice whose key is within {@code [keyFrom, keyTo]} (a {@code null} bound: none) and that {@code wanted}
     * accepts, each merged over the range; a window store reads every bucket of the keys in between, so the key range
     * is the cost.
     */
    public static <S extends Mergeable<S>> Map<String, S> mergedByKeyRange(
            BucketStores<S> stores, String keyFrom, String keyTo,
            TimeRange range, Predicate<String> wanted) {
        Map<String, S> bySlice = new TreeMap<>();
        for (Part part : parts(range)) {
            try (KeyValueIterator<Windowed<String>, S> buckets = stores.apply(part.size()).fetch(keyFrom, keyTo,
                    part.range().from(), lastStart(part.range()))) {
                while (buckets.hasNext()) {
                    KeyValue<Windowed<String>, S> bucket = buckets.next();
                    if (wanted.test(bucket.key.key())) {
                        bySlice.merge(bucket.key.key(), bucket.value, Mergeable::merge);
                    }
                }
            }
        }
        return bySlice;
    }

    /**
     * The time that the buckets of {@code size} read for {@code range} cover: those starting in it, from the first
     * bucket start at or after {@code from} to the first at or after {@code to}. What is kept as a span of time rather
     * than in buckets (an outage's interruption) belongs to a range by its part in this. A merged range ({@link
     * #merged}) covers the same as its minute buckets: its quarter hours tile whole minutes.
     */
    public static TimeRange covered(TimeRange range, BucketSize size) {
        return new TimeRange(Instant.ofEpochMilli(firstStartFrom(range.from(), size)),
                Instant.ofEpochMilli(firstStartFrom(range.to(), size)));
    }

    private static long firstStartFrom(Instant time, BucketSize size) {
        return size.startOf(time.toEpochMilli() + size.length().toMillis() - 1);
    }

    /** Part of a range read from the buckets of one size. */
    record Part(BucketSize size, TimeRange range) {
    }

    /**
     * A range as the fewest buckets that tile it: quarter hours for every whole quarter hour in it, minutes at its
     * ends (a rolling day is read as up to 28 minutes and 95 quarter hours instead of 1,440 minutes). Every event is
     * added to a bucket of each size, so both tile the same statistics. A range that is not whole minutes reads
     * minute buckets by their starts, as a minute store alone would.
     */
    static List<Part> parts(TimeRange range) {
        long from = range.from().toEpochMilli();
        long to = range.to().toEpochMilli();
        long minute = BucketSize.MINUTE.length().toMillis();
        long quartersFrom = BucketSize.QUARTER_HOUR.startOf(from + BucketSize.QUARTER_HOUR.length().toMillis() - 1);
        long quartersTo = BucketSize.QUARTER_HOUR.startOf(to);
        if (quartersFrom >= quartersTo || from % minute != 0 || to % minute != 0) {
            return List.of(new Part(BucketSize.MINUTE, range));
        }
        List<Part> parts = new ArrayList<>();
        if (from < quartersFrom) {
            parts.add(new Part(BucketSize.MINUTE, new TimeRange(range.from(), Instant.ofEpochMilli(quartersFrom))));
        }
        parts.add(new Part(BucketSize.QUARTER_HOUR,
                new TimeRange(Instant.ofEpochMilli(quartersFrom), Instant.ofEpochMilli(quartersTo))));
        if (quartersTo < to) {
            parts.add(new Part(BucketSize.MINUTE, new TimeRange(Instant.ofEpochMilli(quartersTo), range.to())));
        }
        return parts;
    }

    /**
     * One slice as a series of steps of {@code step} starting at {@code range.from()}: each step the merge of its
     * buckets; steps without data are present and empty, so a chart shows the gap.
     */
    public static <S extends Mergeable<S>> NavigableMap<Instant, S> series(ReadOnlyWindowStore<String, S> store,
                                                                           String sliceKey, TimeRange range,
                                                                           Duration step, S empty) {
        NavigableMap<Instant, S> steps = new TreeMap<>();
        for (Instant t = range.from(); t.isBefore(range.to()); t = t.plus(step)) {
            steps.put(t, empty);
        }
        long from = range.from().toEpochMilli();
        try (KeyValueIterator<Windowed<String>, S> buckets = store.fetch(sliceKey, sliceKey, range.from(),
                lastStart(range))) {
            while (buckets.hasNext()) {
                KeyValue<Windowed<String>, S> bucket = buckets.next();
                long start = bucket.key.window().start();
                Instant stepStart = Instant.ofEpochMilli(from + (start - from) / step.toMillis() * step.toMillis());
                steps.merge(stepStart, bucket.value, Mergeable::merge);
            }
        }
        return steps;
    }

    private static Instant lastStart(TimeRange range) {
        return range.to().minusMillis(1);
    }
}
