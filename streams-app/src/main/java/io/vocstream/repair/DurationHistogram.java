package io.vocstream.repair;

import java.util.Map;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Durations counted per whole second: merging adds counts, so quantiles of any merged window are exact to the
 * second. Counts may be negative in a delta (an order's earlier contribution being withdrawn); a stored or merged
 * histogram of whole contributions never is.
 *
 * @param countsBySecond how many durations lasted each whole number of seconds (no zero entries)
 */
public record DurationHistogram(NavigableMap<Long, Long> countsBySecond) {
    public static final DurationHistogram EMPTY = new DurationHistogram(new TreeMap<>());

    public DurationHistogram {
        countsBySecond = countsBySecond == null ? new TreeMap<>() : countsBySecond;
    }

    /** A histogram holding one duration of {@code millis}, truncated to the second. */
    public static DurationHistogram of(long millis) {
        return ofAll(List.of(millis));
    }

    /** A histogram of many durations in milliseconds, each truncated to the second, built in one pass. */
    public static DurationHistogram ofAll(Collection<Long> millis) {
        NavigableMap<Long, Long> counts = new TreeMap<>();
        millis.forEach(m -> counts.merge(m / 1000, 1L, Long::sum));
        return new DurationHistogram(counts);
    }

    public DurationHistogram merge(DurationHistogram other) {
        if (other.countsBySecond.isEmpty()) {
            return this;
        }
        if (countsBySecond.isEmpty()) {
            return other;
        }
        return new DurationHistogram(Counts.sum(countsBySecond, other.countsBySecond));
    }

    public DurationHistogram negated() {
        return new DurationHistogram(Counts.negated(countsBySecond));
    }

    /** How many durations are counted. */
    public long count() {
        return countsBySecond.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The nearest-rank quantile in seconds: the smallest duration d such that at least {@code q} of all durations
     * are at most d; {@code null} when nothing is counted.
     */
    public Long quantileSeconds(double q) {
        long n = count();
        if (n <= 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (Map.Entry<Long, Long> e : countsBySecond.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return countsBySecond.lastKey();
    }

    /** How many durations are at least {@code fromSeconds} and below {@code toSeconds}. */
    public long countBetween(long fromSeconds, long toSeconds) {
        return countsBySecond.subMap(fromSeconds, true, toSeconds, false).values().stream()
                .mapToLong(Long::longValue).sum();
    }
}
