package io.vocstream.producers.sink;

import io.vocstream.schemas.EventTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Where a long run stands.
 *
 * @param published        events published so far
 * @param perTopic         of which per topic
 * @param elapsed          wall-clock time since the run started
 * @param recentPerSecond  events per second since the previous report
 * @param latestEventTime  event time of the latest event (null before the first)
 */
public record ProgressReport(long published, Map<EventTopic, Long> perTopic, Duration elapsed,
                             double recentPerSecond, Instant latestEventTime) {

    public double overallPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? published / seconds : 0;
    }

    /** One line for a terminal: totals, rates and counts per topic. */
    public String summary() {
        StringBuilder line = new StringBuilder();
        line.append(String.format("%,d events in %.1f s (%,.0f/s now, %,.0f/s overall)", published,
                elapsed.toMillis() / 1000.0, recentPerSecond, overallPerSecond()));
        if (latestEventTime != null) {
            line.append(", event time ").append(latestEventTime);
        }
        perTopic.forEach((topic, count) -> line.append(String.format(", %s %,d", topic.baseName(), count)));
        return line.toString();
    }
}
