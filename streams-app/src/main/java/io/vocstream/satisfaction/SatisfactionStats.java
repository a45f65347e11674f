package io.vocstream.satisfaction;

import io.vocstream.buckets.Mergeable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mergeable statistics of the survey responses of one slice in one time bucket: exact histograms of the small
 * integer scales, moments of the per-response 0–100 index and expectation–perception ratio, sums per indicator and
 * the role-weighted index sums of the account model. Merging is adding, so any set of buckets (and the partials of
 * any set of instances) combines in any order.
 *
 * @param responses          responses counted
 * @param index              per-response 0–100 index (responses that answered at least one weighted item)
 * @param expectationPerception per-response {@code Σ wᵢ·perceivedᵢ/expectedᵢ}, in % (responses with indicators)
 * @param roleWeight         Σ vⱼ over the responses in {@code index}, vⱼ the respondent's role weight
 * @param roleWeightedIndex  Σ vⱼ·indexⱼ over the same responses
 */
public record SatisfactionStats(long responses, ScoreHistogram csat, ScoreHistogram nps, ScoreHistogram ces,
                                Moments index, Moments expectationPerception, Map<String, IndicatorSums> indicators,
                                double roleWeight, double roleWeightedIndex)
        implements Mergeable<SatisfactionStats> {
    public static final int CSAT_MIN = 1;
    public static final int CSAT_MAX = 5;
    public static final int NPS_MIN = 0;
    public static final int NPS_MAX = 10;
    public static final int CES_MIN = 1;
    public static final int CES_MAX = 7;

    public static final SatisfactionStats EMPTY = new SatisfactionStats(0,
            ScoreHistogram.empty(CSAT_MIN, CSAT_MAX), ScoreHistogram.empty(NPS_MIN, NPS_MAX),
            ScoreHistogram.empty(CES_MIN, CES_MAX), Moments.EMPTY, Moments.EMPTY, Map.of(), 0, 0);

    public SatisfactionStats {
        indicators = new TreeMap<>(indicators);
    }

    @Override
    public SatisfactionStats merge(SatisfactionStats other) {
        Map<String, IndicatorSums> byIndicator = new TreeMap<>(indicators);
        other.indicators.forEach((name, sums) -> byIndicator.merge(name, sums, IndicatorSums::merge));
        return new SatisfactionStats(responses + other.responses, csat.merge(other.csat), nps.merge(other.nps),
                ces.merge(other.ces), index.merge(other.index),
                expectationPerception.merge(other.expectationPerception), byIndicator,
                roleWeight + other.roleWeight, roleWeightedIndex + other.roleWeightedIndex);
    }
}
