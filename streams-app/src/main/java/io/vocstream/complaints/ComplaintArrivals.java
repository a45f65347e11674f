package io.vocstream.complaints;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The arrival history of new complaints in one dimension, as the spike detector needs it: counts per hour (epoch
 * hour) for the seasonal baseline, the exact arrival times of the last scan span for sliding counts, and the CUSUM
 * statistic with the run it has accumulated. Arrivals may come out of order within the grace period.
 */
public final class ComplaintArrivals {
    static final long HOUR_MS = 3_600_000L;

    private final NavigableMap<Long, Integer> hourly;
    private final List<Long> recent;
    private double cusum;
    private long cusumNextHour;
    private long runObserved;
    private double runExpected;

    public ComplaintArrivals() {
        this(new TreeMap<>(), new ArrayList<>(), 0, Long.MIN_VALUE, 0, 0);
    }

    @JsonCreator
    public ComplaintArrivals(@JsonProperty("hourly") NavigableMap<Long, Integer> hourly,
                             @JsonProperty("recent") List<Long> recent, @JsonProperty("cusum") double cusum,
                             @JsonProperty("cusumNextHour") long cusumNextHour,
                             @JsonProperty("runObserved") long runObserved,
                             @JsonProperty("runExpected") double runExpected) {
        this.hourly = new TreeMap<>(hourly);
        this.recent = new ArrayList<>(recent);
        this.cusum = cusum;
        this.cusumNextHour = cusumNextHour;
        this.runObserved = runObserved;
        this.runExpected = runExpected;
    }

    static long hourOf(long epochMillis) {
        return Math.floorDiv(epochMillis, HOUR_MS);
    }

    /** Counts one new complaint at {@code eventTime}. */
    public void add(long eventTime) {
        hourly.merge(hourOf(eventTime), 1, Integer::sum);
        recent.add(firstIndexAbove(eventTime), eventTime);
    }

    /** The latest arrival time kept (the dimension's own stream time); only valid after an arrival. */
    long latest() {
        return recent.get(recent.size() - 1);
    }

    /** Arrivals in (to - span, to]. */
    long countIn(long to, long span) {
        return firstIndexAbove(to) - firstIndexAbove(to - span);
    }

    /** Index of the first arrival later than {@code time} (binary search; {@code recent} is sorted). */
    private int firstIndexAbove(long time) {
        int low = 0;
        int high = recent.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (recent.get(mid) <= time) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    int countInHour(long epochHour) {
        return hourly.getOrDefault(epochHour, 0);
    }

    /** Arrivals in the hours [fromHour, toHour). */
    long countInHours(long fromHour, long toHour) {
        return fromHour >= toHour ? 0
                : hourly.subMap(fromHour, true, toHour, false).values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Forgets hours before {@code firstHourKept} and arrival times before {@code firstTimeKept}. */
    void prune(long firstHourKept, long firstTimeKept) {
        hourly.headMap(firstHourKept, false).clear();
        recent.subList(0, firstIndexAbove(firstTimeKept - 1)).clear();
    }

    /** Whether nothing is left to read: no hour counted and no recent arrival. */
    boolean isEmpty() {
        return hourly.isEmpty() && recent.isEmpty();
    }

    @JsonProperty("hourly")
    public NavigableMap<Long, Integer> hourly() {
        return Collections.unmodifiableNavigableMap(hourly);
    }

    @JsonProperty("recent")
    public List<Long> recent() {
        return Collections.unmodifiableList(recent);
    }

    @JsonProperty("cusum")
    public double cusum() {
        return cusum;
    }

    @JsonProperty("cusumNextHour")
    public long cusumNextHour() {
        return cusumNextHour;
    }

    @JsonProperty("runObserved")
    public long runObserved() {
        return runObserved;
    }

    @JsonProperty("runExpected")
    public double runExpected() {
        return runExpected;
    }

    void cusumState(double statistic, long nextHour, long observed, double expected) {
        this.cusum = statistic;
        this.cusumNextHour = nextHour;
        this.runObserved = observed;
        this.runExpected = expected;
    }
}
