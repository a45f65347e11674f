package io.vocstream.satisfaction;

/** Sums of one indicator's expected and perceived levels over n answers; the means and the gap follow. */
public record IndicatorSums(long n, double expected, double perceived) {
    public static final IndicatorSums EMPTY = new IndicatorSums(0, 0, 0);

    public IndicatorSums merge(IndicatorSums other) {
        return new IndicatorSums(n + other.n, expected + other.expected, perceived + other.perceived);
    }
}
