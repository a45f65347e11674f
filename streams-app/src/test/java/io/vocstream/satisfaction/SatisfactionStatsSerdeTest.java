package io.vocstream.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.events.Touchpoint;
import io.vocstream.testing.Events;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SatisfactionStatsSerdeTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static SatisfactionStats sample() {
        return ResponseScores.of(Events.survey("a", Touchpoint.REPAIR, T).setCsat(4).setNps(9).setCes(2)
                        .setRespondentRole("user").setIndicators(List.of(
                                ResponseScoresTest.indicator("fix_quality", 4, 5, 2.0),
                                ResponseScoresTest.indicator("délai", 3, 2, 1.0))).build(),
                        SatisfactionConfig.defaults())
                .merge(ResponseScores.of(Events.survey("b", Touchpoint.REPAIR, T).setCsat(1).build(),
                        SatisfactionConfig.defaults()));
    }

    @Test
    void statisticsSurviveTheRoundTripExactly() {
        SatisfactionStats s = sample();
        assertEquals(s, SatisfactionStatsSerde.read(SatisfactionStatsSerde.write(s)));
        assertEquals(SatisfactionStats.EMPTY,
                SatisfactionStatsSerde.read(SatisfactionStatsSerde.write(SatisfactionStats.EMPTY)));
    }

    @Test
    void negatedStatisticsSurviveTheRoundTrip() {
        SatisfactionStats negated = sample().negated();
        assertEquals(negated, SatisfactionStatsSerde.read(SatisfactionStatsSerde.write(negated)));
    }

    @Test
    void truncatedOrForeignBytesAreRefusedWithAReason() {
        byte[] bytes = SatisfactionStatsSerde.write(sample());
        SerializationException truncated = assertThrows(SerializationException.class,
                () -> SatisfactionStatsSerde.read(Arrays.copyOf(bytes, bytes.length - 3)));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        bytes[0] = 9;
        SerializationException version = assertThrows(SerializationException.class,
                () -> SatisfactionStatsSerde.read(bytes));
        assertTrue(version.getMessage().contains("version 9"), version.getMessage());
    }
}
