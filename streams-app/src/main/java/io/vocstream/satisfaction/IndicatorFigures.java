package io.vocstream.satisfaction;

/**
 * One indicator of a slice: mean expected and perceived levels on the survey's scale, the gap
 * {@code perceived − expected} (the difference form) and the ratio {@code perceived/expected} of the means, in %.
 */
public record IndicatorFigures(String indicator, long n, Double expected, Double perceived, Double gap,
                               Double ratio) {
    static IndicatorFigures of(String indicator, IndicatorSums sums) {
        if (sums.n() == 0) {
            return new IndicatorFigures(indicator, 0, null, null, null, null);
        }
        double expected = sums.expected() / sums.n();
        double perceived = sums.perceived() / sums.n();
        return new IndicatorFigures(indicator, sums.n(), expected, perceived, perceived - expected,
                perceived / expected * 100);
    }
}
