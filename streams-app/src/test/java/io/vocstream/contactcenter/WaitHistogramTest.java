package io.vocstream.contactcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WaitHistogramTest {
    @Test
    @DisplayName("'at most T seconds' is exact for whole T: 20.0 s is within 20 s, 20.001 s is not")
    void exactAtWholeSeconds() {
        WaitHistogram h = WaitHistogram.of(0).merge(WaitHistogram.of(20.0)).merge(WaitHistogram.of(20.001))
                .merge(WaitHistogram.of(19.2));
        assertEquals(1, h.atMost(0));
        assertEquals(1, h.atMost(19));
        assertEquals(3, h.atMost(20));
        assertEquals(4, h.atMost(21));
        assertEquals(4, h.total());
    }

    @Test
    @DisplayName("waits beyond the cap share one bin above every threshold")
    void overflow() {
        WaitHistogram h = WaitHistogram.of(5000).merge(WaitHistogram.of(7200)).merge(WaitHistogram.of(3600));
        assertEquals(1, h.atMost(WaitHistogram.CAP_SECONDS));
        assertEquals(3, h.total());
        assertEquals(2L, h.counts().get(WaitHistogram.CAP_SECONDS + 1));
    }
}
