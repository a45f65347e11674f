package io.vocstream.complaints;

import java.util.List;

/** A complaint as the repeat-complainant count needs it, keyed by its customer: the value of that repartition. */
public record CustomerComplaint(String complaintId, long openedAt, List<String> sliceKeys) {
    public CustomerComplaint {
        sliceKeys = List.copyOf(sliceKeys);
    }
}
