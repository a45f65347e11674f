package io.vocstream.contactcenter;

import java.util.Arrays;

/**
 * Waits counted per whole second, rounded up: second {@code s} holds waits in {@code (s-1, s]} (second 0 holds
 * waits of exactly 0), so "waited at most T seconds" is exact for any whole T up to {@link #CAP_SECONDS}. Keeping
 * the distribution instead of a count against one threshold lets any rule version be evaluated on any interval.
 * Waits above the cap share one bin. Sparse: only seconds that occurred are stored, as two parallel arrays sorted
 * by second, so that a merge is one linear pass over primitives (a busy queue's bucket is merged on every event).
 *
 * @param seconds the rounded-up wait seconds that occurred, ascending; {@code CAP_SECONDS + 1} holds every longer
 *                wait
 * @param counts  contacts per second of {@code seconds}, positive
 */
public record WaitHistogram(int[] seconds, long[] counts) {
    public static final int CAP_SECONDS = 3600;
    public static final WaitHistogram EMPTY = new WaitHistogram(new int[0], new long[0]);

    public WaitHistogram {
        if (seconds.length != counts.length) {
            throw new IllegalArgumentException("seconds and counts differ in length");
        }
    }

    public static WaitHistogram of(double waitSeconds) {
        return new WaitHistogram(new int[] {bin(waitSeconds)}, new long[] {1});
    }

    static int bin(double waitSeconds) {
        return (int) Math.min(CAP_SECONDS + 1, Math.max(0, (long) Math.ceil(waitSeconds)));
    }

    public WaitHistogram merge(WaitHistogram other) {
        if (other.seconds.length == 0) {
            return this;
        }
        if (seconds.length == 0) {
            return other;
        }
        int[] s = new int[seconds.length + other.seconds.length];
        long[] c = new long[s.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < seconds.length || j < other.seconds.length) {
            if (j == other.seconds.length || i < seconds.length && seconds[i] < other.seconds[j]) {
                s[n] = seconds[i];
                c[n++] = counts[i++];
            } else if (i == seconds.length || other.seconds[j] < seconds[i]) {
                s[n] = other.seconds[j];
                c[n++] = other.counts[j++];
            } else {
                s[n] = seconds[i];
                c[n++] = counts[i++] + other.counts[j++];
            }
        }
        return new WaitHistogram(Arrays.copyOf(s, n), Arrays.copyOf(c, n));
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** Contacts that waited at most {@code seconds}. */
    public long atMost(int seconds) {
        long n = 0;
        for (int i = 0; i < this.seconds.length && this.seconds[i] <= seconds; i++) {
            n += counts[i];
        }
        return n;
    }

    /** Contacts whose wait rounds up to exactly {@code second} ({@code CAP_SECONDS + 1}: longer than the cap). */
    public long count(int second) {
        int at = Arrays.binarySearch(seconds, second);
        return at < 0 ? 0 : counts[at];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WaitHistogram h && Arrays.equals(seconds, h.seconds) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(seconds) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("WaitHistogram[");
        for (int i = 0; i < seconds.length; i++) {
            text.append(i == 0 ? "" : ", ").append(seconds[i]).append("s=").append(counts[i]);
        }
        return text.append(']').toString();
    }
}
