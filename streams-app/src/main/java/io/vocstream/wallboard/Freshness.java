package io.vocstream.wallboard;

import java.time.Instant;

/**
 * How fresh a board's data is (see {@link DataFlow} for the rule).
 *
 * @param eventsRead        input events read so far, every topic and instance
 * @param newestEventTime   the largest event time read; {@code null} before the first event
 * @param dataReceivedAt    when this instance last saw {@code eventsRead} grow (its wall clock); {@code null} if it
 *                          has not grown since watching began
 * @param stale             {@code eventsRead} has not grown for {@code staleAfterSeconds}
 */
public record Freshness(long eventsRead, Instant newestEventTime, Instant dataReceivedAt, boolean stale,
                        long staleAfterSeconds) {
}
