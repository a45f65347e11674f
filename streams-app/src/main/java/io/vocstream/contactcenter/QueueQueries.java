package io.vocstream.contactcenter;

import io.vocstream.buckets.BucketQueries;
import io.vocstream.buckets.BucketStores;
import io.vocstream.buckets.Mergeable;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Reads queue state: the partials of this instance's stores, and the final rows from the partials of every
 * instance. Which service-level rule version judges a window: for a calendar interval the one in force when the
 * interval opened (so a closed interval never changes), for a rolling window the one in force at its end.
 */
public final class QueueQueries {
    private QueueQueries() {
    }

    /**
     * Bucket statistics over {@code range} and waiting contacts, per queue (or of one queue) and slice.
     *
     * @param queue     one queue, or {@code null} for every queue
     * @param dimension also slice by this dimension, or {@code null} for whole queues only
     */
    public static List<QueuePartial> contactPartials(BucketStores<QueueStats> buckets,
                                                     ReadOnlyKeyValueStore<String, ContactCenterTopology.Waiting> waiting,
                                                     String queue, String dimension, TimeRange range) {
        List<QueuePartial> partials = new ArrayList<>();
        slices(buckets, queue, dimension, range, (q, slice, s) ->
                partials.add(new QueuePartial(QueuePartial.CONTACTS, q, slice, s, null, null)));
        Map<String, QueueNow> now = new TreeMap<>();
        try (KeyValueIterator<String, ContactCenterTopology.Waiting> all = queue == null ? waiting.all()
                : waiting.prefixScan(queue + QueueSliceKeys.SEPARATOR, new StringSerializer())) {
            all.forEachRemaining((KeyValue<String, ContactCenterTopology.Waiting> kv) -> now.merge(kv.value.queue(),
                    QueueNow.waitingSince(kv.value.queue(), kv.value.sinceMillis()), QueueNow::merge));
        }
        now.forEach((q, n) -> partials.add(new QueuePartial(QueuePartial.CONTACTS, q, SliceKeys.all(), null, n, null)));
        return partials;
    }

    /** Repeat contacts per queue (or of one queue) and slice, over {@code range}. */
    public static List<QueuePartial> customerPartials(BucketStores<RepeatStats> buckets, String queue,
                                                      String dimension, TimeRange range) {
        List<QueuePartial> partials = new ArrayList<>();
        slices(buckets, queue, dimension, range, (q, slice, r) ->
                partials.add(new QueuePartial(QueuePartial.CUSTOMERS, q, slice, null, null, r)));
        return partials;
    }

    /** Receives one queue slice's merged statistics. */
    interface SliceConsumer<S> {
        void accept(String queue, String slice, S stats);
    }

    /**
     * The whole-queue slice and, if asked for, the slices of one dimension, each merged over the range; reading the
     * key ranges that hold them (see {@link QueueSliceKeys}), except for every queue's slices of a dimension, which
     * lie between each queue's other slices. IVR lines are keyed as queues.
     *
     * @param queue one queue, or {@code null} for every queue
     */
    static <S extends Mergeable<S>> void slices(BucketStores<S> buckets, String queue, String dimension,
                                                TimeRange range, SliceConsumer<S> to) {
        Map<String, S> bySlice = new TreeMap<>();
        if (queue != null) {
            String whole = QueueSliceKeys.whole(queue);
            bySlice.putAll(BucketQueries.mergedByKeyRange(buckets, whole, whole, range, key -> true));
            if (dimension != null) {
                bySlice.putAll(BucketQueries.mergedByKeyPrefix(buckets,
                        QueueSliceKeys.dimensionPrefix(queue, dimension), range));
            }
        } else if (dimension == null) {
            bySlice.putAll(BucketQueries.mergedByKeyPrefix(buckets, QueueSliceKeys.WHOLE_PREFIX, range));
        } else {
            String dimensionPrefix = SliceKeys.prefixOf(dimension);
            bySlice.putAll(BucketQueries.mergedByKeyPrefix(buckets, "", range, key -> {
                String slice = QueueSliceKeys.sliceOf(key);
                return slice.equals(SliceKeys.all()) || slice.startsWith(dimensionPrefix);
            }));
        }
        bySlice.forEach((key, stats) -> to.accept(QueueSliceKeys.queueOf(key), QueueSliceKeys.sliceOf(key), stats));
    }

    /** Logged-in agents by state, per queue they serve (or of one queue). */
    public static List<QueuePartial> agentPartials(ReadOnlyKeyValueStore<String, AgentNow> agents, String queue) {
        Map<String, QueueNow> byQueue = new TreeMap<>();
        try (KeyValueIterator<String, AgentNow> all = agents.all()) {
            all.forEachRemaining((KeyValue<String, AgentNow> kv) -> {
                AgentNow a = kv.value;
                if (a.loggedIn()) {
                    a.queues().stream().filter(q -> queue == null || q.equals(queue)).forEach(q ->
                            byQueue.merge(q, QueueNow.agentIn(q, a.state()), QueueNow::merge));
                }
            });
        }
        return byQueue.entrySet().stream()
                .map(e -> new QueuePartial(QueuePartial.AGENTS, e.getKey(), SliceKeys.all(), null, e.getValue(), null))
                .toList();
    }

    /**
     * A queue's window: its span (a calendar window depends on the queue's time zone) and the event time whose rule
     * version judges it.
     */
    public record Span(TimeRange range, Instant ruleTime) {
    }

    /**
     * Merges partials into one row per queue and slice, sorted by queue then slice; the whole-queue rows carry the
     * figures now at {@code at}.
     *
     * @param spanOf each queue's window
     */
    public static List<QueueRow> rows(List<QueuePartial> partials, ServiceLevelRules rules, String window,
                                      Function<String, Span> spanOf, Instant at) {
        Map<List<String>, QueueStats> stats = new TreeMap<>(QueueQueries::compareKeys);
        Map<List<String>, RepeatStats> repeats = new TreeMap<>(QueueQueries::compareKeys);
        Map<String, QueueNow> now = new TreeMap<>();
        for (QueuePartial p : partials) {
            List<String> key = List.of(p.queue(), p.slice());
            stats.merge(key, p.stats() == null ? QueueStats.EMPTY : p.stats(), QueueStats::merge);
            repeats.merge(key, p.repeats() == null ? RepeatStats.EMPTY : p.repeats(), RepeatStats::merge);
            if (p.now() != null) {
                now.merge(p.queue(), p.now(), QueueNow::merge);
            }
        }
        List<QueueRow> rows = new ArrayList<>();
        stats.forEach((key, s) -> {
            String queue = key.get(0);
            boolean whole = key.get(1).equals(SliceKeys.all());
            Span span = spanOf.apply(queue);
            rows.add(new QueueRow(queue, whole ? SliceKeys.ALL : SliceKeys.valueOf(key.get(1)), window,
                    span.range().from(), span.range().to(),
                    QueueFigures.of(s, repeats.get(key), rules.inForce(queue, span.ruleTime())),
                    whole ? now.getOrDefault(queue, QueueNow.empty(queue)).figures(at) : null));
        });
        return rows;
    }

    /** One queue's statistics per step of {@code step} over {@code range}, from this instance's buckets. */
    public static List<IntervalPartial> intervalPartials(ReadOnlyWindowStore<String, QueueStats> buckets,
                                                         String queue, TimeRange range, Duration step) {
        return BucketQueries.series(buckets, QueueSliceKeys.whole(queue), range, step,
                QueueStats.EMPTY).entrySet().stream()
                .map(e -> new IntervalPartial(QueuePartial.CONTACTS, e.getKey(), e.getValue(), null)).toList();
    }

    /** One queue's repeat contacts per step of {@code step} over {@code range}, from this instance's buckets. */
    public static List<IntervalPartial> intervalRepeatPartials(ReadOnlyWindowStore<String, RepeatStats> buckets,
                                                               String queue, TimeRange range, Duration step) {
        return BucketQueries.series(buckets, QueueSliceKeys.whole(queue), range, step,
                RepeatStats.EMPTY).entrySet().stream()
                .map(e -> new IntervalPartial(QueuePartial.CUSTOMERS, e.getKey(), null, e.getValue())).toList();
    }

    /** One interval's statistics or repeat contacts as one instance holds them; {@code source} as in QueuePartial. */
    public record IntervalPartial(String source, Instant start, QueueStats stats, RepeatStats repeats) {
    }

    /**
     * One row per interval of {@code step} in {@code range}, each judged by the rule version in force when it opened;
     * intervals without partials answer zeros.
     */
    public static List<QueueRow> intervalRows(List<IntervalPartial> partials, ServiceLevelRules rules, String queue,
                                              TimeRange range, Duration step, String window) {
        Map<Instant, QueueStats> byStart = new TreeMap<>();
        Map<Instant, RepeatStats> repeats = new TreeMap<>();
        for (Instant start = range.from(); start.isBefore(range.to()); start = start.plus(step)) {
            byStart.put(start, QueueStats.EMPTY);
        }
        for (IntervalPartial p : partials) {
            byStart.merge(p.start(), p.stats() == null ? QueueStats.EMPTY : p.stats(), QueueStats::merge);
            repeats.merge(p.start(), p.repeats() == null ? RepeatStats.EMPTY : p.repeats(), RepeatStats::merge);
        }
        List<QueueRow> rows = new ArrayList<>();
        byStart.forEach((start, s) -> rows.add(new QueueRow(queue, SliceKeys.ALL, window, start, start.plus(step),
                QueueFigures.of(s, repeats.get(start), rules.inForce(queue, start)), null)));
        return rows;
    }

    /** Orders (queue or line, slice) keys by queue, then slice. */
    static int compareKeys(List<String> a, List<String> b) {
        int byQueue = a.get(0).compareTo(b.get(0));
        return byQueue != 0 ? byQueue : a.get(1).compareTo(b.get(1));
    }
}
