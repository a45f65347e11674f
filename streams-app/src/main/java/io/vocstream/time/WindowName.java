package io.vocstream.time;

import io.vocstream.http.BadParameterException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The windows the HTTP API offers. Rolling windows end at the query time; {@code today} and the aligned intervals
 * are calendar spans in the configured zone, computed with {@link ZonedDateTime} so that a day is 23 or 25 hours long
 * across a daylight-saving change.
 */
public enum WindowName {
    ROLLING_15M("15m", BucketSize.MINUTE),
    ROLLING_1H("1h", BucketSize.MINUTE),
    ROLLING_24H("24h", BucketSize.MINUTE),
    ROLLING_7D("7d", BucketSize.QUARTER_HOUR),
    TODAY("today", BucketSize.QUARTER_HOUR),
    INTERVAL_15M("interval15", BucketSize.QUARTER_HOUR),
    INTERVAL_30M("interval30", BucketSize.QUARTER_HOUR);

    private final String parameterValue;
    private final BucketSize bucketSize;

    WindowName(String parameterValue, BucketSize bucketSize) {
        this.parameterValue = parameterValue;
        this.bucketSize = bucketSize;
    }

    /** The window named by a query parameter, or a 400 naming the parameter and the choices. */
    public static WindowName parse(String parameter, String raw) {
        for (WindowName w : values()) {
            if (w.parameterValue.equals(raw)) {
                return w;
            }
        }
        throw new BadParameterException(parameter, "must be one of " + Arrays.stream(values())
                .map(WindowName::parameterValue).collect(Collectors.joining(", ")) + ", got '" + raw + "'");
    }

    public String parameterValue() {
        return parameterValue;
    }

    /** The buckets the window is answered from: minutes up to a day, quarter hours beyond and for calendar spans. */
    public BucketSize bucketSize() {
        return bucketSize;
    }

    /**
     * The span of this window at {@code now}. Rolling windows are [now - length, now) rounded out to whole buckets
     * of {@link #bucketSize()} (so a rolling hour is the 60 whole minutes ending with the current one); calendar
     * spans are the current day or interval in {@code zone}.
     */
    public TimeRange resolve(Instant now, ZoneId zone) {
        long end = bucketSize.startOf(now.toEpochMilli()) + bucketSize.length().toMillis();
        return switch (this) {
            case ROLLING_15M -> rolling(end, Duration.ofMinutes(15));
            case ROLLING_1H -> rolling(end, Duration.ofHours(1));
            case ROLLING_24H -> rolling(end, Duration.ofHours(24));
            case ROLLING_7D -> rolling(end, Duration.ofDays(7));
            case TODAY -> {
                ZonedDateTime start = now.atZone(zone).toLocalDate().atStartOfDay(zone);
                yield new TimeRange(start.toInstant(), start.plusDays(1).toInstant());
            }
            case INTERVAL_15M -> interval(now, zone, 15);
            case INTERVAL_30M -> interval(now, zone, 30);
        };
    }

    private static TimeRange rolling(long endMillis, Duration length) {
        return new TimeRange(Instant.ofEpochMilli(endMillis).minus(length), Instant.ofEpochMilli(endMillis));
    }

    /** The aligned interval of the local clock in {@code zone} that holds {@code now}. */
    private static TimeRange interval(Instant now, ZoneId zone, int minutes) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime start = local.truncatedTo(ChronoUnit.HOURS)
                .plusMinutes((long) (local.getMinute() / minutes) * minutes);
        // in zone time: plusMinutes on a ZonedDateTime adds elapsed time, so a DST jump cannot skew the interval
        return new TimeRange(start.toInstant(), start.plusMinutes(minutes).toInstant());
    }
}
