package io.vocstream.complaints;

import java.util.List;

/**
 * A complaint in the open backlog: opened and not resolved or closed since. Ages are taken against the query's
 * clock, so they are not stored.
 *
 * @param firstResponseDue when the category's first-response promise runs out; null once it has been answered
 */
public record OpenComplaint(long openedAt, Long firstResponseDue, List<String> sliceKeys) {
    public OpenComplaint {
        sliceKeys = List.copyOf(sliceKeys);
    }
}
