package io.vocstream.satisfaction;

import io.vocstream.buckets.BucketFamily;
import io.vocstream.buckets.BucketQueries;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.time.BucketSize;
import io.vocstream.time.SeriesStep;
import io.vocstream.time.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Reads satisfaction statistics from the local stores (the partials of one instance) and turns the merged partials
 * of every instance into figures.
 *
 * @param stores the local store of a name (in the application, the router's composite store over local tasks)
 */
public record SatisfactionQueries(Function<String, ReadOnlyWindowStore<String, SatisfactionStats>> stores) {

    /** Every slice of {@code dimension} of {@code family} over {@code range}. */
    public List<SlicePartial> slices(String family, String dimension, TimeRange range) {
        return BucketQueries.mergedByKeyPrefix(size -> store(family, size), SliceKeys.prefixOf(dimension), range)
                .entrySet().stream().map(e -> new SlicePartial(e.getKey(), e.getValue())).toList();
    }

    /** One slice over {@code range}. */
    public List<SlicePartial> slice(String family, String sliceKey, TimeRange range) {
        return List.of(new SlicePartial(sliceKey,
                BucketQueries.merged(size -> store(family, size), sliceKey, range, SatisfactionStats.EMPTY)));
    }

    /** One slice in steps of {@code step} over {@code range}. */
    public List<SeriesPartial> series(String family, String sliceKey, TimeRange range, SeriesStep step) {
        return BucketQueries.series(store(family, step.bucketSize()), sliceKey, range, step.length(),
                        SatisfactionStats.EMPTY)
                .entrySet().stream().map(e -> new SeriesPartial(e.getKey(), e.getValue())).toList();
    }

    private ReadOnlyWindowStore<String, SatisfactionStats> store(String family, BucketSize size) {
        return stores.apply(BucketFamily.storeName(family, size));
    }

    /** The partials of every instance merged per slice, in slice-key order. */
    public static Map<String, SatisfactionStats> mergeSlices(List<SlicePartial> partials) {
        Map<String, SatisfactionStats> merged = new TreeMap<>();
        partials.forEach(p -> merged.merge(p.slice(), p.stats(), SatisfactionStats::merge));
        return merged;
    }

    /** The partials of every instance merged per step, in time order. */
    public static Map<Instant, SatisfactionStats> mergeSeries(List<SeriesPartial> partials) {
        Map<Instant, SatisfactionStats> merged = new TreeMap<>();
        partials.forEach(p -> merged.merge(p.time(), p.stats(), SatisfactionStats::merge));
        return merged;
    }

    /** Figures of one slice from every instance's partials; null figures when it has no responses. */
    public static SliceFigures figures(String dimension, String sliceKey, List<SlicePartial> partials) {
        return SliceFigures.of(dimension, SliceKeys.valueOf(sliceKey),
                mergeSlices(partials).getOrDefault(sliceKey, SatisfactionStats.EMPTY));
    }

    /** Figures of each merged slice of {@code dimension} that has responses. */
    public static List<SliceFigures> figures(String dimension, Map<String, SatisfactionStats> bySlice) {
        return bySlice.entrySet().stream().filter(e -> e.getValue().responses() > 0)
                .map(e -> SliceFigures.of(dimension, SliceKeys.valueOf(e.getKey()), e.getValue())).toList();
    }
}
