package io.vocstream.repair;

import io.vocstream.buckets.BucketFamily;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statistics per (slice, event time): what one order or one subject contributes to a bucket family, each at the
 * moment it belongs to (the family puts it in that moment's bucket of every size).
 */
final class StatsCells {
    record Cell(String sliceKey, long eventTime) {
    }

    private final Map<Cell, RepairStats> cells = new HashMap<>();

    /** Adds {@code byTime} to every slice in {@code sliceKeys}. */
    StatsCells add(List<String> sliceKeys, Map<Long, RepairStats> byTime) {
        sliceKeys.forEach(slice -> byTime.forEach((time, stats) ->
                cells.merge(new Cell(slice, time), stats, RepairStats::merge)));
        return this;
    }

    /**
     * Replaces {@code before}'s contribution to {@code buckets} by this one: adds the difference, only where there
     * is one.
     */
    void replace(StatsCells before, BucketFamily<RepairStats> buckets) {
        Set<Cell> touched = new HashSet<>(cells.keySet());
        touched.addAll(before.cells.keySet());
        for (Cell cell : touched) {
            RepairStats delta = cells.getOrDefault(cell, RepairStats.EMPTY)
                    .merge(before.cells.getOrDefault(cell, RepairStats.EMPTY).negated());
            if (!delta.none()) {
                buckets.add(cell.sliceKey(), cell.eventTime(), delta);
            }
        }
    }
}
