package io.vocstream.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfidenceTest {
    /** z², z the standard normal 0.975 quantile 1.959964. */
    private static final double Z2 = 1.959963984540054 * 1.959963984540054;

    @Test
    void wilsonIntervalOfEightInTenMatchesThePublishedValues() {
        // p = 0.8, z²/n = 0.384146, centre = (0.8 + 0.192073) / 1.384146 = 0.716740,
        // half = 1.959964 / 1.384146 · √(0.016 + 0.009604) = 0.226577 -> [0.490163, 0.943317]
        Interval i = Confidence.wilson(8, 10);
        assertEquals(0.490163, i.low(), 1e-6);
        assertEquals(0.943317, i.high(), 1e-6);
    }

    @Test
    void wilsonIntervalOfNoSuccessStartsAtZeroAndIsNotEmpty() {
        // p = 0: high = (z²/n) / (1 + z²/n) = 0.768292 / 1.768292 = 0.434482
        Interval i = Confidence.wilson(0, 5);
        assertEquals(0, i.low(), 1e-12);
        assertEquals(Z2 / 5 / (1 + Z2 / 5), i.high(), 1e-12);
        assertEquals(0.434482, i.high(), 1e-6);
    }

    @Test
    void wilsonIntervalOfNothingIsNull() {
        assertNull(Confidence.wilson(0, 0));
    }

    @Test
    void wilsonRefusesMoreSuccessesThanTrials() {
        assertThrows(IllegalArgumentException.class, () -> Confidence.wilson(6, 5));
    }

    @Test
    void studentTQuantilesMatchTheTables() {
        assertEquals(12.7062047, Confidence.studentT975(1), 1e-7);
        assertEquals(2.2281389, Confidence.studentT975(10), 1e-7);
        // published t(0.975) for 40, 60 and 120 degrees of freedom
        assertEquals(2.0210754, Confidence.studentT975(40), 1e-5);
        assertEquals(2.0002978, Confidence.studentT975(60), 1e-5);
        assertEquals(1.9799304, Confidence.studentT975(120), 1e-5);
    }

    @Test
    void studentTApproachesTheNormalQuantile() {
        assertEquals(1.959964, Confidence.studentT975(10_000_000), 1e-6);
    }

    @Test
    void meanIntervalOfOneToFiveUsesStudentTWithFourDegreesOfFreedom() {
        // values 1..5: mean 3, s² = (55 − 5·9) / 4 = 2.5, half = t(4) · √(2.5 / 5) = 2.7764451 · 0.7071068 = 1.9632432
        Moments m = Moments.EMPTY;
        for (int x = 1; x <= 5; x++) {
            m = m.merge(Moments.of(x));
        }
        Interval i = m.meanInterval();
        assertEquals(3.0, m.mean(), 1e-12);
        assertEquals(3 - 1.9632432, i.low(), 1e-6);
        assertEquals(3 + 1.9632432, i.high(), 1e-6);
    }

    @Test
    void meanIntervalNeedsTwoValues() {
        assertNull(Moments.EMPTY.mean());
        assertNull(Moments.EMPTY.meanInterval());
        assertEquals(4.0, Moments.of(4).mean());
        assertNull(Moments.of(4).meanInterval());
    }
}
