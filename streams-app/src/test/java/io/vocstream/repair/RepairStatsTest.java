package io.vocstream.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.streams.JsonSerde;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The statistics' algebra: what the bucket stores rely on when they withdraw and re-add an order. */
class RepairStatsTest {
    private static final RepairStats SAMPLE = RepairStats.creation(false, true, true, false, true)
            .merge(RepairStats.arrival(true, 5_400_000L))
            .merge(RepairStats.completion(9_000_000L, true))
            .merge(RepairStats.interruption(120 * 60_000L))
            .merge(RepairStats.survey(4))
            .merge(RepairStats.repeatOutcome(true));

    @Test
    @DisplayName("merging a statistic with its negation gives the empty statistic")
    void negationWithdraws() {
        assertTrue(SAMPLE.merge(SAMPLE.negated()).none());
        assertEquals(SAMPLE, SAMPLE.merge(RepairStats.survey(2)).merge(RepairStats.survey(2).negated()));
    }

    @Test
    @DisplayName("merge is commutative and empty is its identity")
    void mergeIsCommutative() {
        RepairStats other = RepairStats.creation(true, false, false, false, false)
                .merge(RepairStats.arrival(false, 60_000L));
        assertEquals(SAMPLE.merge(other), other.merge(SAMPLE));
        assertEquals(SAMPLE, SAMPLE.merge(RepairStats.EMPTY));
    }

    @Test
    @DisplayName("statistics survive the state store's JSON serde unchanged")
    void jsonRoundTrip() {
        Serde<RepairStats> serde = JsonSerde.of(RepairStats.class);
        assertEquals(SAMPLE, serde.deserializer().deserialize("t", serde.serializer().serialize("t", SAMPLE)));
    }

    @Test
    @DisplayName("quantiles are nearest-rank and exact to the second; none when empty")
    void nearestRankQuantiles() {
        DurationHistogram h = DurationHistogram.of(60_000).merge(DurationHistogram.of(120_999))
                .merge(DurationHistogram.of(180_000)).merge(DurationHistogram.of(240_000));
        // 60, 120 (120.999 truncated), 180, 240 s: median = 2nd of 4 → 120; p90 = ⌈3.6⌉ = 4th → 240
        assertEquals(120L, h.quantileSeconds(0.5));
        assertEquals(240L, h.quantileSeconds(0.9));
        assertEquals(60L, h.quantileSeconds(0.0));
        assertEquals(2, h.countBetween(100, 200));
        assertNull(DurationHistogram.EMPTY.quantileSeconds(0.5));
    }
}
