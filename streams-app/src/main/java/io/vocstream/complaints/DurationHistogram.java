package io.vocstream.complaints;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Durations in seconds counted in fixed, logarithmically spaced buckets (the mapping of DDSketch): bucket i holds
 * (γ^(i-1), γ^i] with γ = (1 + α) / (1 - α), so the bucket's representative 2γ^i / (γ + 1) is within α = 1 % of
 * every value in it; durations under one second share a bucket represented by 0. Counts may be negative in a delta
 * (a value retracted when a complaint's lifecycle is corrected); merged totals are not. Merging adds counts, so
 * buckets of any partition and time combine exactly, and quantiles of the merge are within 1 % of the exact ones.
 */
public final class DurationHistogram {
    static final double RELATIVE_ACCURACY = 0.01;
    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);
    /** The bucket of durations under one second. */
    private static final int SUB_SECOND = Integer.MIN_VALUE;
    private static final DurationHistogram EMPTY = new DurationHistogram(Map.of());

    private final NavigableMap<Integer, Long> counts;

    @JsonCreator
    public DurationHistogram(@JsonProperty("counts") Map<Integer, Long> counts) {
        this.counts = Collections.unmodifiableNavigableMap(new TreeMap<>(counts == null ? Map.of() : counts));
    }

    public static DurationHistogram empty() {
        return EMPTY;
    }

    public static DurationHistogram of(double seconds) {
        return new DurationHistogram(Map.of(indexOf(seconds), 1L));
    }

    static int indexOf(double seconds) {
        return seconds < 1 ? SUB_SECOND : (int) Math.ceil(Math.log(seconds) / LOG_GAMMA);
    }

    private static double valueOf(int index) {
        return index == SUB_SECOND ? 0 : 2 * Math.pow(GAMMA, index) / (GAMMA + 1);
    }

    @JsonProperty("counts")
    public Map<Integer, Long> counts() {
        return counts;
    }

    @JsonIgnore
    public long count() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public DurationHistogram merge(DurationHistogram other) {
        if (other.counts.isEmpty()) {
            return this;
        }
        if (counts.isEmpty()) {
            return other;
        }
        TreeMap<Integer, Long> sum = new TreeMap<>(counts);
        other.counts.forEach((index, n) -> sum.merge(index, n, (a, b) -> a + b == 0 ? null : a + b));
        return new DurationHistogram(sum);
    }

    public DurationHistogram negated() {
        TreeMap<Integer, Long> negative = new TreeMap<>();
        counts.forEach((index, n) -> negative.put(index, -n));
        return new DurationHistogram(negative);
    }

    /**
     * The nearest-rank quantile: the ⌈q·n⌉-th smallest duration (at least the first), within 1 %; null when empty.
     */
    public Double quantile(double q) {
        long n = count();
        if (n <= 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return valueOf(bucket.getKey());
            }
        }
        return valueOf(counts.lastKey());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DurationHistogram h && h.counts.equals(counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return "DurationHistogram" + counts;
    }
}
