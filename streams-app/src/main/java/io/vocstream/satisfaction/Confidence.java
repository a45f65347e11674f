package io.vocstream.satisfaction;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * The 95 % intervals of satisfaction figures (commons-math3): Wilson score intervals for shares, Student-t intervals
 * for means of scores.
 */
public final class Confidence {
    public static final double LEVEL = 0.95;

    private Confidence() {
    }

    /** Student's t quantile of (1 + 0.95)/2 for {@code df} degrees of freedom: the half-width factor of the mean. */
    public static double studentT975(long df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + df);
        }
        return new TDistribution(df).inverseCumulativeProbability((1 + LEVEL) / 2);
    }

    /** The Wilson score interval of a share {@code successes / n}, or null when n = 0. */
    public static Interval wilson(long successes, long n) {
        if (n == 0) {
            return null;
        }
        if (successes < 0 || successes > n || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(successes + " successes out of " + n);
        }
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval((int) n, (int) successes, LEVEL);
        return new Interval(ci.getLowerBound(), ci.getUpperBound());
    }
}
