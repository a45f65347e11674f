package io.vocstream.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocstream.events.Touchpoint;
import io.vocstream.testing.Events;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceFiguresTest {
    private static final SatisfactionConfig DEFAULTS = SatisfactionConfig.defaults();
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static SatisfactionStats fiveResponses() {
        int[] csat = {5, 4, 4, 2, 1};
        int[] nps = {10, 9, 7, 6, 0};
        SatisfactionStats s = SatisfactionStats.EMPTY;
        for (int i = 0; i < csat.length; i++) {
            s = s.merge(ResponseScores.of(Events.survey("r" + i, Touchpoint.AGENT, T)
                    .setCsat(csat[i]).setNps(nps[i]).build(), DEFAULTS));
        }
        return s;
    }

    @Test
    void csatMeanBoxesAndNpsOfFiveResponses() {
        SliceFigures f = SliceFigures.of("all", "all", fiveResponses());
        assertEquals(5, f.n());
        assertEquals(5, f.csatN());
        // CSAT 5,4,4,2,1: mean 16/5 = 3.2; s² = (62 − 5·3.2²)/4 = 2.7; half = 2.7764451·√0.54 = 2.7764451·0.7348469 = 2.0402621
        assertEquals(3.2, f.csatMean(), 1e-12);
        assertEquals(3.2 - 2.0402621, f.csatLow(), 1e-6);
        assertEquals(3.2 + 2.0402621, f.csatHigh(), 1e-6);
        // top-2 (4–5): 3/5 = 60 %; Wilson: centre (0.6 + 0.384146)/1.768292 = 0.556552,
        // half 1.959964/1.768292·√(0.048 + 0.038415) = 0.325825 -> [23.073 %, 88.238 %]
        assertEquals(60.0, f.top2Share(), 1e-12);
        assertEquals(23.0727, f.top2Low(), 1e-3);
        assertEquals(88.2377, f.top2High(), 1e-3);
        // bottom-2 (1–2): 2/5 = 40 %, the mirror image of 3/5: [11.762 %, 76.927 %]
        assertEquals(40.0, f.bottom2Share(), 1e-12);
        assertEquals(100 - 88.2377, f.bottom2Low(), 1e-3);
        assertEquals(100 - 23.0727, f.bottom2High(), 1e-3);
        // NPS 10,9,7,6,0: promoters 2 (40 %), detractors 2 (40 %) -> 0 points
        assertEquals(5, f.npsN());
        assertEquals(0.0, f.nps(), 1e-12);
        assertEquals(40.0, f.promoterShare(), 1e-12);
        assertEquals(40.0, f.detractorShare(), 1e-12);
        // no CES asked, no indicators
        assertEquals(0, f.cesN());
        assertNull(f.cesMean());
        assertEquals(0, f.expectationPerceptionN());
        assertNull(f.expectationPerception());
        assertEquals(List.of(), f.indicators());
    }

    @Test
    void indexAndAccountSatisfactionOfFiveResponses() {
        SliceFigures f = SliceFigures.of("all", "all", fiveResponses());
        // per response (csat·0.4 + nps·0.2)/0.6 with csat (x−1)/4·100, nps x·10:
        // (40+20)/.6 = 100, (30+18)/.6 = 80, (30+14)/.6 = 73.333, (10+12)/.6 = 36.667, (0+0)/.6 = 0
        // mean = 290/5 = 58; all roles missing -> default weight 1, account satisfaction = mean
        assertEquals(5, f.indexN());
        assertEquals(58.0, f.index(), 1e-9);
        assertEquals(58.0, f.accountSatisfaction(), 1e-9);
    }

    @Test
    void everyFigureIsNullWhenThereAreNoResponses() {
        SliceFigures f = SliceFigures.of("region", "north", SatisfactionStats.EMPTY);
        assertEquals(0, f.n());
        assertNull(f.csatMean());
        assertNull(f.csatLow());
        assertNull(f.top2Share());
        assertNull(f.top2Low());
        assertNull(f.bottom2Share());
        assertNull(f.nps());
        assertNull(f.promoterShare());
        assertNull(f.cesMean());
        assertNull(f.index());
        assertNull(f.expectationPerception());
        assertNull(f.accountSatisfaction());
    }

    @Test
    void indicatorsShowExpectedPerceivedAndGap() {
        SatisfactionStats s = ResponseScores.of(Events.survey("a", Touchpoint.REPAIR, T)
                .setIndicators(List.of(ResponseScoresTest.indicator("speed", 4, 2, null))).build(), DEFAULTS)
                .merge(ResponseScores.of(Events.survey("b", Touchpoint.REPAIR, T)
                        .setIndicators(List.of(ResponseScoresTest.indicator("speed", 5, 5, null))).build(), DEFAULTS));
        SliceFigures f = SliceFigures.of("touchpoint", "REPAIR", s);
        // expected (4+5)/2 = 4.5, perceived (2+5)/2 = 3.5, gap −1; ratio of means 3.5/4.5 = 77.78 %
        assertEquals(List.of(new IndicatorFigures("speed", 2, 4.5, 3.5, -1.0, 3.5 / 4.5 * 100)), f.indicators());
        // expectation–perception per response 2/4 = 50 %, 5/5 = 100 % -> mean 75 %
        assertEquals(2, f.expectationPerceptionN());
        assertEquals(75.0, f.expectationPerception(), 1e-9);
    }

    @Test
    void mergingIsCommutativeAndAssociativeAndEmptyIsTheIdentity() {
        SatisfactionStats a = fiveResponses();
        SatisfactionStats b = ResponseScores.of(Events.survey("x", Touchpoint.QUEUE, T).setCes(3)
                .setIndicators(List.of(ResponseScoresTest.indicator("price", 3, 4, 1.0))).build(), DEFAULTS);
        SatisfactionStats c = ResponseScores.of(Events.survey("y", Touchpoint.IVR, T).setCsat(3).build(), DEFAULTS);
        assertEquals(a.merge(b), b.merge(a));
        assertEquals(a.merge(b).merge(c), a.merge(b.merge(c)));
        assertEquals(a, a.merge(SatisfactionStats.EMPTY));
        assertEquals(a, SatisfactionStats.EMPTY.merge(a));
    }

    @Test
    void statsSurviveAJsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SatisfactionStats s = fiveResponses().merge(ResponseScores.of(Events.survey("x", Touchpoint.QUEUE, T)
                .setCes(3).setIndicators(List.of(ResponseScoresTest.indicator("price", 3, 4, 1.0))).build(),
                DEFAULTS));
        assertEquals(s, json.readValue(json.writeValueAsBytes(s), SatisfactionStats.class));
    }
}
