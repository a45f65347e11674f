package io.vocstream.bench;

import java.util.Collection;

/** Order statistics of measured latencies, as the benchmarks print them. */
final class Latencies {
    private Latencies() {
    }

    /** Median, 99th percentile (nearest rank) and range, in milliseconds. */
    static String summary(String what, Collection<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return what + ": no measurements";
        }
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        long p99 = sorted[(int) Math.ceil(0.99 * n) - 1];
        return String.format("%s: median %.0f ms, p99 %d ms, min %d ms, max %d ms over %d", what, median, p99,
                sorted[0], sorted[n - 1], n);
    }
}
