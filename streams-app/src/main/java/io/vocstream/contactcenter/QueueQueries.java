package io.vocstream.contactcenter;

import io.vocstream.buckets.BucketQueries;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private static final String SEP = String.valueOf(ContactCenterTopology.QUEUE_SEPARATOR);

    private QueueQueries() {
    }

    /**
     * Bucket statistics over {@code range} and waiting contacts, per queue (or of one queue) and slice.
     *
     * @param queue     one queue, or {@code null} for every queue
     * @param dimension also slice by this dimension, or {@code null} for whole queues only
     */
    public static List<QueuePartial> contactPartials(ReadOnlyWindowStore<String, QueueStats> buckets,
                                                     ReadOnlyKeyValueStore<String, ContactCenterTopology.Waiting> waiting,
                                                     String queue, String dimension, TimeRange range) {
        List<QueuePartial> partials = new ArrayList<>();
        Map<String, QueueStats> stats = BucketQueries.mergedByKeyPrefix(buckets, queue == null ? "" : queue + SEP,
                range);
        stats.forEach((key, s) -> {
            int sep = key.indexOf(SEP);
            String slice = key.substring(sep + 1);
            if (slice.equals(SliceKeys.all()) || dimension != null && slice.startsWith(SliceKeys.prefixOf(dimension))) {
                partials.add(new QueuePartial(QueuePartial.CONTACTS, key.substring(0, sep), slice, s, null));
            }
        });
        Map<String, QueueNow> now = new TreeMap<>();
        try (KeyValueIterator<String, ContactCenterTopology.Waiting> all = queue == null ? waiting.all()
                : waiting.prefixScan(queue + SEP, new StringSerializer())) {
            all.forEachRemaining((KeyValue<String, ContactCenterTopology.Waiting> kv) -> now.merge(kv.value.queue(),
                    QueueNow.waitingSince(kv.value.queue(), kv.value.sinceMillis()), QueueNow::merge));
        }
        now.forEach((q, n) -> partials.add(new QueuePartial(QueuePartial.CONTACTS, q, SliceKeys.all(), null, n)));
        return partials;
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
                .map(e -> new QueuePartial(QueuePartial.AGENTS, e.getKey(), SliceKeys.all(), null, e.getValue()))
                .toList();
    }

    /**
     * Merges partials into one row per queue and slice, sorted by queue then slice; the whole-queue rows carry the
     * figures now at {@code at}.
     *
     * @param ruleTime the event time whose rule version judges the window
     */
    public static List<QueueRow> rows(List<QueuePartial> partials, ServiceLevelRules rules, String window,
                                      TimeRange range, Instant ruleTime, Instant at) {
        Map<List<String>, QueueStats> stats = new TreeMap<>(QueueQueries::compareKeys);
        Map<String, QueueNow> now = new TreeMap<>();
        for (QueuePartial p : partials) {
            List<String> key = List.of(p.queue(), p.slice());
            stats.merge(key, p.stats() == null ? QueueStats.EMPTY : p.stats(), QueueStats::merge);
            if (p.now() != null) {
                now.merge(p.queue(), p.now(), QueueNow::merge);
            }
        }
        List<QueueRow> rows = new ArrayList<>();
        stats.forEach((key, s) -> {
            String queue = key.get(0);
            boolean whole = key.get(1).equals(SliceKeys.all());
            rows.add(new QueueRow(queue, whole ? SliceKeys.ALL : SliceKeys.valueOf(key.get(1)), window,
                    range.from(), range.to(), QueueFigures.of(s, rules.inForce(queue, ruleTime)),
                    whole ? now.getOrDefault(queue, QueueNow.empty(queue)).figures(at) : null));
        });
        return rows;
    }

    /** One queue's statistics per step of {@code step} over {@code range}, from this instance's buckets. */
    public static List<IntervalPartial> intervalPartials(ReadOnlyWindowStore<String, QueueStats> buckets,
                                                         String queue, TimeRange range, Duration step) {
        return BucketQueries.series(buckets, ContactCenterTopology.queueSliceKey(queue, SliceKeys.all()), range, step,
                QueueStats.EMPTY).entrySet().stream().map(e -> new IntervalPartial(e.getKey(), e.getValue())).toList();
    }

    /** One interval's statistics as one instance holds them. */
    public record IntervalPartial(Instant start, QueueStats stats) {
    }

    /** One row per interval, each judged by the rule version in force when it opened. */
    public static List<QueueRow> intervalRows(List<IntervalPartial> partials, ServiceLevelRules rules, String queue,
                                              Duration step, String window) {
        Map<Instant, QueueStats> byStart = new TreeMap<>();
        partials.forEach(p -> byStart.merge(p.start(), p.stats(), QueueStats::merge));
        List<QueueRow> rows = new ArrayList<>();
        byStart.forEach((start, s) -> rows.add(new QueueRow(queue, SliceKeys.ALL, window, start, start.plus(step),
                QueueFigures.of(s, rules.inForce(queue, start)), null)));
        return rows;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        int byQueue = a.get(0).compareTo(b.get(0));
        return byQueue != 0 ? byQueue : a.get(1).compareTo(b.get(1));
    }
}
