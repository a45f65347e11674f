package io.vocstream.contactcenter;

import io.vocstream.buckets.BucketStores;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.time.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads IVR state: this instance's partials, and the rows merged from every instance's. */
public final class IvrQueries {
    private IvrQueries() {
    }

    /** One IVR line slice's statistics as one instance holds them. */
    public record IvrPartial(String ivrLine, String slice, IvrStats stats) {
    }

    /** Every line's whole slice and, if asked for, the slices of one dimension, over {@code range}. */
    public static List<IvrPartial> partials(BucketStores<IvrStats> buckets,
                                            String dimension, TimeRange range) {
        List<IvrPartial> partials = new ArrayList<>();
        QueueQueries.slices(buckets, null, dimension, range, (line, slice, stats) ->
                partials.add(new IvrPartial(line, slice, stats)));
        return partials;
    }

    /**
     * One row per line and slice, sorted by line then slice.
     *
     * @param rangeOf each line's window (a calendar window follows the line's zone)
     */
    public static List<IvrFigures> rows(List<IvrPartial> partials, String window, Function<String, TimeRange> rangeOf) {
        Map<List<String>, IvrStats> merged = new TreeMap<>(QueueQueries::compareKeys);
        partials.forEach(p -> merged.merge(List.of(p.ivrLine(), p.slice()), p.stats(), IvrStats::merge));
        List<IvrFigures> rows = new ArrayList<>();
        merged.forEach((key, stats) -> {
            TimeRange range = rangeOf.apply(key.get(0));
            rows.add(IvrFigures.of(key.get(0), key.get(1).equals(SliceKeys.all()) ? SliceKeys.ALL
                    : SliceKeys.valueOf(key.get(1)), window, range.from(), range.to(), stats));
        });
        return rows;
    }

    /** The session with this id if this instance holds it. */
    public static List<IvrSession> session(ReadOnlyKeyValueStore<String, IvrSession> sessions, String sessionId) {
        IvrSession s = sessions.get(sessionId);
        return s == null ? List.of() : List.of(s);
    }
}
