package io.vocstream.contactcenter;

import io.vocstream.buckets.SliceKeys;
import io.vocstream.streams.EventRules;

/**
 * Keys of a queue's (or IVR line's) slices in a bucket store. A slice of a dimension is the queue, the separator and
 * the slice, {@code billing|region=north}, so that one queue's slices of one dimension are one key range; the whole
 * queue is the separator and the queue, {@code |billing}, so that every queue's whole slice is one key range too (the
 * most asked question, every queue now, reads those buckets and no others). No queue or line id contains the
 * separator: events naming one are refused before any capability sees them.
 */
final class QueueSliceKeys {
    /** Separates the queue from the slice; a whole queue's key starts with it. */
    static final char SEPARATOR = EventRules.QUEUE_ID_SEPARATOR;
    /** Every whole queue's key starts with it. */
    static final String WHOLE_PREFIX = String.valueOf(SEPARATOR);

    private QueueSliceKeys() {
    }

    /** The key of {@code queue}'s {@code slice}. */
    static String of(String queue, String slice) {
        return slice.equals(SliceKeys.all()) ? WHOLE_PREFIX + queue : queue + SEPARATOR + slice;
    }

    /** The key of {@code queue}'s whole slice. */
    static String whole(String queue) {
        return WHOLE_PREFIX + queue;
    }

    /** The prefix of every key of {@code queue}'s slices of {@code dimension}. */
    static String dimensionPrefix(String queue, String dimension) {
        return queue + SEPARATOR + SliceKeys.prefixOf(dimension);
    }

    /** The queue of a key. */
    static String queueOf(String key) {
        return key.startsWith(WHOLE_PREFIX) ? key.substring(WHOLE_PREFIX.length())
                : key.substring(0, key.indexOf(SEPARATOR));
    }

    /** The slice of a key, {@link SliceKeys#all()} for a whole queue. */
    static String sliceOf(String key) {
        return key.startsWith(WHOLE_PREFIX) ? SliceKeys.all() : key.substring(key.indexOf(SEPARATOR) + 1);
    }
}
