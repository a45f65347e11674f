package io.vocstream.satisfaction;

/** Count, sum and sum of squares of a real-valued measure: enough for its mean and that mean's interval. */
public record Moments(long n, double sum, double sumOfSquares) {
    public static final Moments EMPTY = new Moments(0, 0, 0);

    public static Moments of(double x) {
        return new Moments(1, x, x * x);
    }

    public Moments merge(Moments other) {
        return new Moments(n + other.n, sum + other.sum, sumOfSquares + other.sumOfSquares);
    }

    /** The mean, or null when there is nothing to average. */
    public Double mean() {
        return n == 0 ? null : sum / n;
    }

    /** The sample variance (divisor n − 1), or null below two values. */
    public Double sampleVariance() {
        if (n < 2) {
            return null;
        }
        double mean = sum / n;
        // Σx² − n·mean² can dip below zero by rounding when every value is equal.
        return Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
    }

    /** The 95 % Student-t interval of the mean, or null below two values. */
    public Interval meanInterval() {
        Double variance = sampleVariance();
        if (variance == null) {
            return null;
        }
        double half = Confidence.studentT975(n - 1) * Math.sqrt(variance / n);
        double mean = sum / n;
        return new Interval(mean - half, mean + half);
    }
}
