package io.vocstream.contactcenter;

import io.vocstream.buckets.SliceKeys;

/**
 * What one instance knows of one queue slice: bucket statistics and waiting contacts (from the contact tasks),
 * agents by state (from the agent tasks) or repeat contacts (from the customer tasks). Instances answer a fan-out leg
 * with these; the asking instance merges.
 *
 * @param source {@link #CONTACTS}, {@link #AGENTS} or {@link #CUSTOMERS}: the tasks it was read from, so that partials
 *               gathered for one kind of store are not counted again when gathered for another
 * @param slice  {@code all=all} or {@code dimension=value}
 * @param now    waiting contacts or agents by state; only for the {@code all=all} slice
 * @param repeats contacts of identified customers and repeats among them (from the customer tasks)
 */
public record QueuePartial(String source, String queue, String slice, QueueStats stats, QueueNow now,
                           RepeatStats repeats) {
    public static final String CONTACTS = "contacts";
    public static final String AGENTS = "agents";
    public static final String CUSTOMERS = "customers";

    /** An empty partial of the whole queue: adds nothing to its figures, but gives it a row. */
    static QueuePartial known(String queue) {
        return new QueuePartial(CONTACTS, queue, SliceKeys.all(), QueueStats.EMPTY, null, null);
    }
}
