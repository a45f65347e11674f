package io.vocstream.wallboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stale rule: no growth of the count of events read for staleAfter (here 5 s), from the last growth or the watch start. */
class WallboardDataFlowTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private final DataFlow flow = new DataFlow(Duration.ofSeconds(5));

    private Freshness at(long millisAfterT0, long eventsRead) {
        return flow.observe(eventsRead, T0.minusSeconds(3600), T0.plusMillis(millisAfterT0));
    }

    @Test
    @DisplayName("a new watch is not stale until staleAfter has passed without growth, then it is")
    void staleFromTheStartOfWatching() {
        Freshness first = at(0, 10);
        assertFalse(first.stale());
        assertNull(first.dataReceivedAt(), "no growth seen yet");
        assertEquals(10, first.eventsRead());
        assertEquals(5, first.staleAfterSeconds());
        assertFalse(at(4_999, 10).stale());
        assertTrue(at(5_000, 10).stale(), "5 s since watching began");
    }

    @Test
    @DisplayName("growth makes the board fresh for staleAfter from the moment it was seen")
    void freshAfterGrowth() {
        at(0, 10);
        at(5_000, 10);
        Freshness grown = at(6_000, 12);
        assertFalse(grown.stale());
        assertEquals(T0.plusSeconds(6), grown.dataReceivedAt());
        assertFalse(at(10_999, 12).stale());
        Freshness quiet = at(11_000, 12);
        assertTrue(quiet.stale(), "5 s since the last growth");
        assertEquals(T0.plusSeconds(6), quiet.dataReceivedAt());
    }

    @Test
    @DisplayName("a count that drops (state being restored) is not new data")
    void dropIsNoGrowth() {
        at(0, 10);
        assertNull(at(1_000, 4).dataReceivedAt());
        assertEquals(T0.plusSeconds(2), at(2_000, 5).dataReceivedAt(), "growth from the lower count");
    }

    @Test
    @DisplayName("a new watch forgets the last one: the count that grew meanwhile is its baseline")
    void newWatchStartsFromNothing() {
        at(0, 10);
        at(1_000, 11);
        flow.stopWatching();
        Freshness again = at(60_000, 20);
        assertNull(again.dataReceivedAt());
        assertFalse(again.stale());
        assertTrue(at(65_000, 20).stale());
    }
}
