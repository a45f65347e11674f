package io.vocstream.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {

    @Test
    @DisplayName("median and p90 of merged parts are within 1 % of the exact nearest-rank quantiles")
    void quantilesWithinOnePercent() {
        Random random = new Random(7);
        double[] values = new double[10_001];
        DurationHistogram left = DurationHistogram.empty();
        DurationHistogram right = DurationHistogram.empty();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(random.nextDouble() * Math.log(5_000_000)); // 1 s to ~8 weeks, log-uniform
            DurationHistogram one = DurationHistogram.of(values[i]);
            if (i % 2 == 0) {
                left = left.merge(one);
            } else {
                right = right.merge(one);
            }
        }
        Arrays.sort(values);
        DurationHistogram all = right.merge(left);
        for (double q : new double[] {0.5, 0.9}) {
            double exact = values[(int) Math.ceil(q * values.length) - 1];
            assertEquals(exact, all.quantile(q), exact * DurationHistogram.RELATIVE_ACCURACY, "q = " + q);
        }
    }

    @Test
    @DisplayName("a value merged with its negation leaves nothing; an empty histogram has no quantile")
    void retractionLeavesNothing() {
        DurationHistogram h = DurationHistogram.of(3600).merge(DurationHistogram.of(0.2));
        DurationHistogram retracted = h.merge(DurationHistogram.of(3600).negated());
        assertEquals(1, retracted.count());
        assertEquals(0.0, retracted.quantile(0.5)); // the sub-second bucket stands for 0
        assertTrue(retracted.merge(DurationHistogram.of(0.2).negated()).counts().isEmpty());
        assertNull(DurationHistogram.empty().quantile(0.5));
    }
}
