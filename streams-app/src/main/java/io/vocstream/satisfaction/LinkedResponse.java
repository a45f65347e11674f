package io.vocstream.satisfaction;

import io.vocstream.buckets.BucketFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A response counted in a linkage group ({@code wait=lt30s}, {@code complaint=open}, ...), remembered with the
 * entity it was linked through so that a fact arriving after it (out of order, or from a topic that lags) moves it to
 * the group it belongs in.
 *
 * @param at    the response's event time
 * @param stats what the response contributes
 * @param group the group it is counted in now
 */
public record LinkedResponse(long at, SatisfactionStats stats, String group) {
    /**
     * Moves every response whose group {@code groupOf} now says differs: out of the buckets of its old group (by
     * merging its negation) and into the new one. Returns the responses with their groups as counted.
     */
    static List<LinkedResponse> regroup(List<LinkedResponse> responses, Function<LinkedResponse, String> groupOf,
                                        BucketFamily<SatisfactionStats> buckets) {
        List<LinkedResponse> regrouped = new ArrayList<>(responses.size());
        for (LinkedResponse r : responses) {
            String group = groupOf.apply(r);
            if (!group.equals(r.group())) {
                buckets.add(r.group(), r.at(), r.stats().negated());
                buckets.add(group, r.at(), r.stats());
            }
            regrouped.add(new LinkedResponse(r.at(), r.stats(), group));
        }
        return regrouped;
    }

    /** The responses recent enough that their buckets still exist, {@code memory} behind {@code newest}. */
    static List<LinkedResponse> recent(List<LinkedResponse> responses, long newest, long memoryMillis) {
        return responses.stream().filter(r -> r.at() >= newest - memoryMillis).toList();
    }
}
