package io.vocstream.contactcenter;

import java.util.Map;
import java.util.TreeMap;

/**
 * Waits counted per whole second, rounded up: second {@code s} holds waits in {@code (s-1, s]} (second 0 holds
 * waits of exactly 0), so "waited at most T seconds" is exact for any whole T up to {@link #CAP_SECONDS}. Keeping
 * the distribution instead of a count against one threshold lets any rule version be evaluated on any interval.
 * Waits above the cap share one bin. Sparse: only seconds that occurred are stored.
 *
 * @param counts contacts per rounded-up wait second; key {@code CAP_SECONDS + 1} holds every longer wait
 */
public record WaitHistogram(Map<Integer, Long> counts) {
    public static final int CAP_SECONDS = 3600;
    public static final WaitHistogram EMPTY = new WaitHistogram(Map.of());

    public WaitHistogram {
        counts = Map.copyOf(counts);
    }

    public static WaitHistogram of(double waitSeconds) {
        return new WaitHistogram(Map.of(bin(waitSeconds), 1L));
    }

    static int bin(double waitSeconds) {
        return (int) Math.min(CAP_SECONDS + 1, Math.max(0, (long) Math.ceil(waitSeconds)));
    }

    public WaitHistogram merge(WaitHistogram other) {
        if (other.counts.isEmpty()) {
            return this;
        }
        if (counts.isEmpty()) {
            return other;
        }
        Map<Integer, Long> merged = new TreeMap<>(counts);
        other.counts.forEach((second, n) -> merged.merge(second, n, Long::sum));
        return new WaitHistogram(merged);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Contacts that waited at most {@code seconds}. */
    public long atMost(int seconds) {
        return counts.entrySet().stream().filter(e -> e.getKey() <= seconds).mapToLong(Map.Entry::getValue).sum();
    }
}
