package io.vocstream.contactcenter;

import io.vocstream.buckets.Mergeable;

/**
 * Contacts of identified customers in one queue slice and bucket, and how many of them came from a customer who
 * had contacted the center within the repeat window before.
 */
public record RepeatStats(long contacts, long repeats) implements Mergeable<RepeatStats> {
    public static final RepeatStats EMPTY = new RepeatStats(0, 0);

    @Override
    public RepeatStats merge(RepeatStats o) {
        return new RepeatStats(contacts + o.contacts, repeats + o.repeats);
    }
}
