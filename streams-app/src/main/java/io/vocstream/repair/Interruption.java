package io.vocstream.repair;

import io.vocstream.streams.EventRules;
import io.vocstream.time.TimeRange;

/**
 * A restored outage's interruption: its customers without supply from CREATED to the first COMPLETED. Kept as one
 * interval per slice of its order (the interruptions store, keyed by {@link #key}) rather than split over the time
 * buckets it spans, which for an outage of hours are hundreds of cells per slice; a query takes the part that falls
 * in its window.
 *
 * @param fromMillis CREATED, epoch milliseconds
 * @param toMillis   the first COMPLETED, epoch milliseconds
 * @param customers  customers affected
 */
public record Interruption(long fromMillis, long toMillis, long customers) {
    /** Ends the slice key in a store key: no event's text holds it, so a slice's keys share its prefix. */
    private static final char SLICE_END = EventRules.KEY_TERMINATOR;

    /** The store key of order {@code workOrderId}'s interruption in slice {@code sliceKey}. */
    static String key(String sliceKey, String workOrderId) {
        return sliceKey + SLICE_END + workOrderId;
    }

    /** The prefix of every store key of slice {@code sliceKey}. */
    static String prefixOf(String sliceKey) {
        return sliceKey + SLICE_END;
    }

    /** The slice key of a store key. */
    static String sliceOf(String key) {
        return key.substring(0, key.indexOf(SLICE_END));
    }

    /**
     * The part of this interruption in {@code covered} (customers × the overlap, and this outage counted once if it
     * overlaps at all); none outside it.
     */
    RepairStats within(TimeRange covered) {
        long overlap = Math.min(toMillis, covered.to().toEpochMilli())
                - Math.max(fromMillis, covered.from().toEpochMilli());
        return overlap > 0 ? RepairStats.interruption(customers * overlap) : RepairStats.EMPTY;
    }
}
