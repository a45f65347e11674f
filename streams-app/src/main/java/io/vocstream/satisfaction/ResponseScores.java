package io.vocstream.satisfaction;

import io.vocstream.events.IndicatorScore;
import io.vocstream.events.SurveyResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one survey response contributes to the statistics of every slice it belongs to. */
public final class ResponseScores {
    private ResponseScores() {
    }

    /** The statistics of a slice holding only {@code response}. Scores are assumed validated (EventRules). */
    public static SatisfactionStats of(SurveyResponse response, SatisfactionConfig config) {
        SatisfactionStats empty = SatisfactionStats.EMPTY;
        Double index = index(response, config);
        Double ratio = expectationPerception(response.getIndicators());
        Map<String, IndicatorSums> indicators = new TreeMap<>();
        for (IndicatorScore i : response.getIndicators()) {
            indicators.merge(i.getIndicator(), new IndicatorSums(1, i.getExpected(), i.getPerceived()),
                    IndicatorSums::merge);
        }
        double roleWeight = index == null ? 0 : config.roleWeight(response.getRespondentRole());
        return new SatisfactionStats(1,
                response.getCsat() == null ? empty.csat() : empty.csat().with(response.getCsat()),
                response.getNps() == null ? empty.nps() : empty.nps().with(response.getNps()),
                response.getCes() == null ? empty.ces() : empty.ces().with(response.getCes()),
                index == null ? Moments.EMPTY : Moments.of(index),
                ratio == null ? Moments.EMPTY : Moments.of(ratio),
                indicators, roleWeight, index == null ? 0 : roleWeight * index);
    }

    /**
     * The response's 0–100 index: {@code Σ wₖ·itemₖ / Σ wₖ} over the weighted items it answered, each item mapped
     * to 0–100 ({@link IndexItem}); null when it answered none.
     */
    static Double index(SurveyResponse r, SatisfactionConfig config) {
        double weighted = 0;
        double weights = 0;
        for (IndexItem item : IndexItem.values()) {
            Double value = itemValue(item, r);
            double w = config.indexWeights().get(item);
            if (value != null && w > 0) {
                weighted += w * value;
                weights += w;
            }
        }
        return weights == 0 ? null : weighted / weights;
    }

    private static Double itemValue(IndexItem item, SurveyResponse r) {
        return switch (item) {
            case CSAT -> r.getCsat() == null ? null
                    : IndexItem.toHundred(r.getCsat(), SatisfactionStats.CSAT_MIN, SatisfactionStats.CSAT_MAX);
            case NPS -> r.getNps() == null ? null
                    : IndexItem.toHundred(r.getNps(), SatisfactionStats.NPS_MIN, SatisfactionStats.NPS_MAX);
            case CES -> r.getCes() == null ? null
                    : IndexItem.toHundred(SatisfactionStats.CES_MAX - r.getCes() + SatisfactionStats.CES_MIN,
                            SatisfactionStats.CES_MIN, SatisfactionStats.CES_MAX);
            case INDICATORS -> perceivedIndex(r.getIndicators());
        };
    }

    /** Σ wᵢ·(perceivedᵢ − 1)/(scaleMaxᵢ − 1)·100 with the response's normalised weights; null without indicators. */
    private static Double perceivedIndex(List<IndicatorScore> indicators) {
        double[] w = normalisedWeights(indicators);
        if (w == null) {
            return null;
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            IndicatorScore s = indicators.get(i);
            sum += w[i] * IndexItem.toHundred(s.getPerceived(), 1, s.getScaleMax());
        }
        return sum;
    }

    /** The individual model {@code S = Σ wᵢ·perceivedᵢ/expectedᵢ}, in %; null without indicators. */
    static Double expectationPerception(List<IndicatorScore> indicators) {
        double[] w = normalisedWeights(indicators);
        if (w == null) {
            return null;
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * indicators.get(i).getPerceived() / indicators.get(i).getExpected();
        }
        return sum * 100;
    }

    /**
     * The personal weights scaled to sum 1; equal weights when any weight is missing or they sum to 0; null when
     * there are no indicators.
     */
    static double[] normalisedWeights(List<IndicatorScore> indicators) {
        if (indicators.isEmpty()) {
            return null;
        }
        double total = 0;
        boolean complete = true;
        for (IndicatorScore s : indicators) {
            complete &= s.getWeight() != null;
            total += s.getWeight() == null ? 0 : s.getWeight();
        }
        double[] w = new double[indicators.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = complete && total > 0 ? indicators.get(i).getWeight() / total : 1.0 / w.length;
        }
        return w;
    }
}
