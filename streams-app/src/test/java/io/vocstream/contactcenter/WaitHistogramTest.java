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
        assertEquals(2L, h.count(WaitHistogram.CAP_SECONDS + 1));
        assertEquals(0L, h.count(5000));
    }

    @Test
    @DisplayName("a merge adds the counts of equal seconds and keeps every other second, in order")
    void mergeInterleaves() {
        WaitHistogram a = WaitHistogram.of(1).merge(WaitHistogram.of(5)).merge(WaitHistogram.of(9));
        WaitHistogram b = WaitHistogram.of(5).merge(WaitHistogram.of(2)).merge(WaitHistogram.of(12));
        WaitHistogram merged = a.merge(b);
        assertEquals(new WaitHistogram(new int[] {1, 2, 5, 9, 12}, new long[] {1, 1, 2, 1, 1}), merged);
        assertEquals(merged, b.merge(a));
        assertEquals(a, a.merge(WaitHistogram.EMPTY));
        assertEquals(a, WaitHistogram.EMPTY.merge(a));
    }
}
