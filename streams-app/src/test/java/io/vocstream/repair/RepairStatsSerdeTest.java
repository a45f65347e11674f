package io.vocstream.repair;

import static io.vocstream.testing.StateSerdeAssertions.assertRefusesForeignAndTruncatedBytes;
import static io.vocstream.testing.StateSerdeAssertions.assertRoundTrip;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RepairStatsSerdeTest {
    private static final Serde<RepairStats> SERDE = RepairStatsSerde.serde();

    /** Every component set, each count or sum to a value of its own, so that no two can trade places unseen. */
    private static RepairStats everything() {
        return new RepairStats(1, 2, 3, 4, histogram(5_400_000L, 7_200_500L), histogram(9_000_000L), 5, 6, 7, 8, 9,
                10, 22, histogram(9_000_000L, 61_000L), 11, 12, 13, 14,
                15, 16, 17, 18, 19, 20, 21);
    }

    private static DurationHistogram histogram(Long... millis) {
        return DurationHistogram.ofAll(List.of(millis));
    }

    @Test
    @DisplayName("statistics with every component, a delta withdrawing them (negative counts) and none survive")
    void statisticsSurviveTheRoundTrip() {
        assertRoundTrip(SERDE, everything());
        assertRoundTrip(SERDE, everything().negated());
        assertRoundTrip(SERDE, RepairStats.EMPTY);
    }

    @Test
    void foreignAndTruncatedBytesAreRefused() {
        assertRefusesForeignAndTruncatedBytes(SERDE, everything(), "repair statistics");
    }
}
