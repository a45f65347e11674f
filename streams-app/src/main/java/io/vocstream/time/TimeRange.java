package io.vocstream.time;

import java.time.Instant;

/** A half-open span of event time, [from, to). */
public record TimeRange(Instant from, Instant to) {
    public TimeRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean contains(long epochMillis) {
        return epochMillis >= from.toEpochMilli() && epochMillis < to.toEpochMilli();
    }
}
