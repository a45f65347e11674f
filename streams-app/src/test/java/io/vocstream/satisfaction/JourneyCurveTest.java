package io.vocstream.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.events.Touchpoint;
import io.vocstream.testing.Events;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyCurveTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    /** Figures of one response whose only item is CSAT, so the index is (csat − 1)/4·100. */
    private static SliceFigures csatOnly(Touchpoint tp, int csat) {
        return SliceFigures.of("touchpoint", tp.name(), ResponseScores.of(
                Events.survey("r", tp, T).setCsat(csat).build(), SatisfactionConfig.defaults()));
    }

    @Test
    void largestDropBetweenStagesWithResponsesIsTheDive() {
        Map<Touchpoint, SliceFigures> figures = new EnumMap<>(Touchpoint.class);
        figures.put(Touchpoint.IVR, csatOnly(Touchpoint.IVR, 4));        // 75
        figures.put(Touchpoint.QUEUE, csatOnly(Touchpoint.QUEUE, 2));    // 25: −50, the dive
        figures.put(Touchpoint.AGENT, csatOnly(Touchpoint.AGENT, 5));    // 100: +75
        // CALLBACK: no responses, skipped when comparing
        figures.put(Touchpoint.REPAIR, csatOnly(Touchpoint.REPAIR, 3));  // 50: −50 against AGENT, but not larger
        figures.put(Touchpoint.BILLING, csatOnly(Touchpoint.BILLING, 1)); // outside the journey
        List<JourneyStage> stages = JourneyCurve.of(figures);

        assertEquals(List.of("IVR", "QUEUE", "AGENT", "CALLBACK", "REPAIR", "COMPLAINT_HANDLING"),
                stages.stream().map(JourneyStage::touchpoint).toList());
        assertNull(stages.get(0).changeFromPrevious());
        assertEquals(-50.0, stages.get(1).changeFromPrevious(), 1e-9);
        assertEquals(75.0, stages.get(2).changeFromPrevious(), 1e-9);
        assertEquals(0, stages.get(3).n());
        assertNull(stages.get(3).index());
        assertEquals(-50.0, stages.get(4).changeFromPrevious(), 1e-9);
        assertEquals(List.of(false, true, false, false, false, false),
                stages.stream().map(JourneyStage::dive).toList());
    }

    @Test
    void noDiveWhenSatisfactionNeverDrops() {
        Map<Touchpoint, SliceFigures> figures = Map.of(
                Touchpoint.IVR, csatOnly(Touchpoint.IVR, 3), Touchpoint.AGENT, csatOnly(Touchpoint.AGENT, 4));
        assertFalse(JourneyCurve.of(figures).stream().anyMatch(JourneyStage::dive));
    }
}
