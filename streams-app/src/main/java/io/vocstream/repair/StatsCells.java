package io.vocstream.repair;

import io.vocstream.buckets.BucketStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Statistics per (slice, bucket start): what one order or one subject contributes to a bucket store. */
final class StatsCells {
    record Cell(String sliceKey, long bucketStart) {
    }

    private final Map<Cell, RepairStats> cells = new HashMap<>();

    /** Adds {@code byBucket} to every slice in {@code sliceKeys}. */
    StatsCells add(List<String> sliceKeys, Map<Long, RepairStats> byBucket) {
        sliceKeys.forEach(slice -> byBucket.forEach((bucket, stats) ->
                cells.merge(new Cell(slice, bucket), stats, RepairStats::merge)));
        return this;
    }

    /**
     * Replaces {@code before}'s contribution to {@code store} by this one: writes the difference, only where
     * there is one.
     */
    void replace(StatsCells before, BucketStore<RepairStats> store) {
        Set<Cell> touched = new HashSet<>(cells.keySet());
        touched.addAll(before.cells.keySet());
        for (Cell cell : touched) {
            RepairStats delta = cells.getOrDefault(cell, RepairStats.EMPTY)
                    .merge(before.cells.getOrDefault(cell, RepairStats.EMPTY).negated());
            if (!delta.none()) {
                store.add(cell.sliceKey(), cell.bucketStart(), delta);
            }
        }
    }
}
