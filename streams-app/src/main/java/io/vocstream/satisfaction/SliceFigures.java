package io.vocstream.satisfaction;

import java.util.List;

/**
 * The satisfaction figures of one slice over one window, as served: every figure carries its n and is null when
 * that n is 0; shares are in %, NPS in points, indices 0–100 (the expectation–perception index in %, may exceed
 * 100). Intervals are 95 %: Student-t for means (null below n = 2), Wilson for shares.
 */
public record SliceFigures(
        String dimension, String value, long n,
        long csatN, Double csatMean, Double csatLow, Double csatHigh,
        Double top2Share, Double top2Low, Double top2High,
        Double bottom2Share, Double bottom2Low, Double bottom2High,
        long npsN, Double nps, Double promoterShare, Double detractorShare,
        long cesN, Double cesMean, Double cesLow, Double cesHigh,
        long indexN, Double index, Double indexLow, Double indexHigh,
        long expectationPerceptionN, Double expectationPerception, Double expectationPerceptionLow,
        Double expectationPerceptionHigh,
        long accountSatisfactionN, Double accountSatisfaction,
        List<IndicatorFigures> indicators) {

    public static SliceFigures of(String dimension, String value, SatisfactionStats s) {
        Moments csat = s.csat().moments();
        Interval csatCi = csat.meanInterval();
        long csatN = csat.n();
        long top2 = s.csat().countBetween(4, 5);
        long bottom2 = s.csat().countBetween(1, 2);
        Interval top2Ci = Confidence.wilson(top2, csatN);
        Interval bottom2Ci = Confidence.wilson(bottom2, csatN);
        long npsN = s.nps().n();
        long promoters = s.nps().countBetween(9, 10);
        long detractors = s.nps().countBetween(0, 6);
        Moments ces = s.ces().moments();
        Interval cesCi = ces.meanInterval();
        Interval indexCi = s.index().meanInterval();
        Interval epCi = s.expectationPerception().meanInterval();
        return new SliceFigures(dimension, value, s.responses(),
                csatN, csat.mean(), low(csatCi), high(csatCi),
                percent(top2, csatN), percent(top2Ci == null ? null : top2Ci.low()),
                percent(top2Ci == null ? null : top2Ci.high()),
                percent(bottom2, csatN), percent(bottom2Ci == null ? null : bottom2Ci.low()),
                percent(bottom2Ci == null ? null : bottom2Ci.high()),
                npsN, npsN == 0 ? null : 100.0 * (promoters - detractors) / npsN,
                percent(promoters, npsN), percent(detractors, npsN),
                ces.n(), ces.mean(), low(cesCi), high(cesCi),
                s.index().n(), s.index().mean(), low(indexCi), high(indexCi),
                s.expectationPerception().n(), s.expectationPerception().mean(), low(epCi), high(epCi),
                s.index().n(), s.roleWeight() > 0 ? s.roleWeightedIndex() / s.roleWeight() : null,
                s.indicators().entrySet().stream().map(e -> IndicatorFigures.of(e.getKey(), e.getValue())).toList());
    }

    private static Double percent(long part, long n) {
        return n == 0 ? null : 100.0 * part / n;
    }

    private static Double percent(Double share) {
        return share == null ? null : share * 100;
    }

    private static Double low(Interval i) {
        return i == null ? null : i.low();
    }

    private static Double high(Interval i) {
        return i == null ? null : i.high();
    }
}
