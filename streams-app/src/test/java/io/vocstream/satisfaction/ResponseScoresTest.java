package io.vocstream.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.events.IndicatorScore;
import io.vocstream.events.SurveyResponse;
import io.vocstream.events.Touchpoint;
import io.vocstream.testing.Events;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseScoresTest {
    private static final SatisfactionConfig DEFAULTS = SatisfactionConfig.defaults();
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    static IndicatorScore indicator(String name, double expected, double perceived, Double weight) {
        return IndicatorScore.newBuilder().setIndicator(name).setExpected(expected).setPerceived(perceived)
                .setWeight(weight).build();
    }

    @Test
    void indexWeighsEveryAnsweredItemOnItsZeroToHundredScale() {
        SurveyResponse r = Events.survey("r1", Touchpoint.AGENT, T).setCsat(4).setNps(9).setCes(2)
                .setIndicators(List.of(indicator("speed", 4, 3, null), indicator("courtesy", 4, 5, null))).build();
        // csat (4−1)/4·100 = 75; nps 9/10·100 = 90; ces reversed (7−2)/6·100 = 83.333;
        // indicators ½·(3−1)/4·100 + ½·(5−1)/4·100 = 75; weights 0.4/0.2/0.2/0.2:
        // 30 + 18 + 16.667 + 15 = 79.667
        assertEquals(79.666667, ResponseScores.index(r, DEFAULTS), 1e-6);
    }

    @Test
    void indexRenormalisesTheWeightsOverTheItemsAnswered() {
        SurveyResponse r = Events.survey("r1", Touchpoint.AGENT, T).setCsat(2).setCes(7).build();
        // csat 25 (w 0.4), ces (7−7)/6·100 = 0 (w 0.2): (0.4·25 + 0.2·0) / 0.6 = 16.667
        assertEquals(16.666667, ResponseScores.index(r, DEFAULTS), 1e-6);
    }

    @Test
    void responseWithoutIndexItemsHasNoIndexNorRoleWeight() {
        SurveyResponse r = Events.survey("r1", Touchpoint.AGENT, T).setRespondentRole("decision_maker").build();
        SatisfactionStats s = ResponseScores.of(r, DEFAULTS);
        assertNull(ResponseScores.index(r, DEFAULTS));
        assertEquals(1, s.responses());
        assertEquals(0, s.index().n());
        assertEquals(0, s.roleWeight());
    }

    @Test
    void expectationPerceptionUsesTheNormalisedPersonalWeights() {
        // weights 3 and 1 -> 0.75 and 0.25: 0.75·2/4 + 0.25·3/2 = 0.375 + 0.375 = 0.75 -> 75 %
        assertEquals(75.0, ResponseScores.expectationPerception(
                List.of(indicator("speed", 4, 2, 3.0), indicator("price", 2, 3, 1.0))), 1e-9);
    }

    @Test
    void expectationPerceptionWeighsEquallyWhenAWeightIsMissingAndMayExceedHundred() {
        // ½·5/4 + ½·3/2 = 0.625 + 0.75 = 1.375 -> 137.5 %
        assertEquals(137.5, ResponseScores.expectationPerception(
                List.of(indicator("speed", 4, 5, 3.0), indicator("price", 2, 3, null))), 1e-9);
        assertNull(ResponseScores.expectationPerception(List.of()));
    }

    @Test
    void statsOfOneResponseCarryItsScoresAndRoleWeightedIndex() {
        SurveyResponse r = Events.survey("r1", Touchpoint.AGENT, T).setCsat(5).setNps(3).setCes(1)
                .setRespondentRole("influencer")
                .setIndicators(List.of(indicator("speed", 4, 3, null), indicator("speed", 2, 2, null))).build();
        SatisfactionStats s = ResponseScores.of(r, DEFAULTS);
        // csat 100 (0.4), nps 30 (0.2), ces 100 (0.2), indicators ½·50 + ½·25 = 37.5 (0.2):
        // 40 + 6 + 20 + 7.5 = 73.5; role influencer weighs 2 -> 147
        assertEquals(1, s.csat().countBetween(5, 5));
        assertEquals(1, s.nps().countBetween(3, 3));
        assertEquals(1, s.ces().countBetween(1, 1));
        assertEquals(73.5, s.index().sum(), 1e-9);
        assertEquals(2.0, s.roleWeight());
        assertEquals(147.0, s.roleWeightedIndex(), 1e-9);
        assertEquals(new IndicatorSums(2, 6, 5), s.indicators().get("speed"));
        assertEquals(Map.of("speed", new IndicatorSums(2, 6, 5)), s.indicators());
    }
}
