package io.vocstream.time;

import java.time.Duration;

/**
 * The time buckets statistics are kept in, aligned to the epoch. Every zone in use today is offset from UTC by a
 * whole number of quarter hours, so quarter-hour buckets also tile each zone's 15- and 30-minute intervals and days.
 */
public enum BucketSize {
    MINUTE(Duration.ofMinutes(1)),
    QUARTER_HOUR(Duration.ofMinutes(15));

    private final Duration length;
    private final long millis;

    BucketSize(Duration length) {
        this.length = length;
        this.millis = length.toMillis();
    }

    public Duration length() {
        return length;
    }

    /** Start of the bucket holding {@code epochMillis}. */
    public long startOf(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }
}
