package io.vocstream.satisfaction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * Exact counts of the answers on a small integer scale {@code min..min+counts.length-1} (CSAT 1..5, NPS 0..10,
 * CES 1..7). Means, shares and their intervals all come from these counts, and two histograms merge by adding.
 */
public record ScoreHistogram(int min, long[] counts) {

    @JsonCreator
    public ScoreHistogram(@JsonProperty("min") int min, @JsonProperty("counts") long[] counts) {
        this.min = min;
        this.counts = counts;
    }

    public static ScoreHistogram empty(int min, int max) {
        return new ScoreHistogram(min, new long[max - min + 1]);
    }

    public int max() {
        return min + counts.length - 1;
    }

    /** This histogram plus one answer {@code score}, which must lie on the scale. */
    public ScoreHistogram with(int score) {
        if (score < min || score > max()) {
            throw new IllegalArgumentException("score " + score + " is outside the scale " + min + ".." + max());
        }
        long[] added = counts.clone();
        added[score - min]++;
        return new ScoreHistogram(min, added);
    }

    public ScoreHistogram merge(ScoreHistogram other) {
        if (other.min != min || other.counts.length != counts.length) {
            throw new IllegalArgumentException("cannot merge histograms of scales " + min + ".." + max()
                    + " and " + other.min + ".." + other.max());
        }
        long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.counts[i];
        }
        return new ScoreHistogram(min, sum);
    }

    public long n() {
        return Arrays.stream(counts).sum();
    }

    /** Number of answers in {@code from..to} (inclusive). */
    public long countBetween(int from, int to) {
        long c = 0;
        for (int score = Math.max(from, min); score <= Math.min(to, max()); score++) {
            c += counts[score - min];
        }
        return c;
    }

    /** The answers' moments (n, Σx, Σx²), from which the mean and its interval follow. */
    public Moments moments() {
        Moments m = Moments.EMPTY;
        for (int i = 0; i < counts.length; i++) {
            double x = min + i;
            m = m.merge(new Moments(counts[i], counts[i] * x, counts[i] * x * x));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreHistogram h && h.min == min && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * min + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ScoreHistogram[" + min + ".." + max() + " " + Arrays.toString(counts) + "]";
    }
}
