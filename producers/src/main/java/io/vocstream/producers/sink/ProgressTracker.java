package io.vocstream.producers.sink;

import io.vocstream.schemas.EventTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts published events per topic and hands a {@link ProgressReport} to a listener every interval of wall-clock
 * time. Counting is done by the publishing thread; reports may be read from any thread.
 */
public final class ProgressTracker {
    private static final double MIN_RATE_SECONDS = 0.5;
    private final long intervalNanos;
    private final Consumer<ProgressReport> listener;
    private final long startedNanos = System.nanoTime();
    private final long[] perTopic = new long[EventTopic.values().length];
    private volatile long published;
    private volatile long latestEventTime = Long.MIN_VALUE;
    private long lastReportNanos = startedNanos;
    private long lastReportCount;

    /** @param listener receives reports; null for counting only */
    public ProgressTracker(Duration interval, Consumer<ProgressReport> listener) {
        this.intervalNanos = interval.toNanos();
        this.listener = listener;
    }

    /** Counts one published event and reports if the interval has passed. */
    public void published(EventTopic topic, long eventTimeMillis) {
        synchronized (perTopic) {
            perTopic[topic.ordinal()]++;
        }
        published++;
        latestEventTime = eventTimeMillis;
        if (listener != null) {
            long now = System.nanoTime();
            if (now - lastReportNanos >= intervalNanos) {
                listener.accept(report(now));
            }
        }
    }

    public long published() {
        return published;
    }

    /** The report as of now, also for a final summary. */
    public ProgressReport report() {
        return report(System.nanoTime());
    }

    private ProgressReport report(long now) {
        Map<EventTopic, Long> counts = new EnumMap<>(EventTopic.class);
        synchronized (perTopic) {
            for (EventTopic topic : EventTopic.values()) {
                counts.put(topic, perTopic[topic.ordinal()]);
            }
        }
        long total = published;
        double sinceLast = (now - lastReportNanos) / 1e9;
        double sinceStart = (now - startedNanos) / 1e9;
        // A report right after the previous one (the final one, typically) has no meaningful recent rate.
        double recent = sinceLast >= MIN_RATE_SECONDS ? (total - lastReportCount) / sinceLast
                : sinceStart > 0 ? total / sinceStart : 0;
        lastReportNanos = now;
        lastReportCount = total;
        long latest = latestEventTime;
        return new ProgressReport(total, Collections.unmodifiableMap(counts), Duration.ofNanos(now - startedNanos),
                recent, latest == Long.MIN_VALUE ? null : Instant.ofEpochMilli(latest));
    }
}
