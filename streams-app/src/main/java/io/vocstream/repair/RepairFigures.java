package io.vocstream.repair;

import io.vocstream.satisfaction.Confidence;
import io.vocstream.satisfaction.Interval;
import java.time.Instant;

/**
 * The repair figures of one slice over one window: a flat row (for Grafana's Infinity data source). Every figure
 * carries its n and is {@code null} when n = 0. Formulas are in the OpenAPI document and docs/repair.md.
 */
public record RepairFigures(
        String dimension, String value, Instant from, Instant to,
        long ordersCreated, long ordersCancelled,
        Double onTimeArrivalRate, long onTimeArrivalN, Double onTimeArrivalCiLow, Double onTimeArrivalCiHigh,
        Double timeToArriveMedianMinutes, Double timeToArriveP90Minutes, long timeToArriveN,
        Double timeToCompleteMedianMinutes, Double timeToCompleteP90Minutes, long timeToCompleteN,
        Double closureRate, long closureN, Double closureCiLow, Double closureCiHigh,
        Double reopenRate, long reopenN, Double reopenCiLow, Double reopenCiHigh,
        Double repeatRepairRate, long repeatRepairN, Double repeatRepairCiLow, Double repeatRepairCiHigh,
        Double returnRate, long returnN, Double returnCiLow, Double returnCiHigh,
        long outages, Long customerBase, Double outagesPerCustomer,
        Double customerMinutesInterrupted, long customerMinutesInterruptedN, Double interruptionMinutesPerCustomer,
        Double restorationMedianMinutes, Double restorationP90Minutes, long restorationN,
        Double postRepairCsatMean, long postRepairCsatN, Double postRepairCsatCiLow, Double postRepairCsatCiHigh,
        Double postRepairTop2BoxRate, long postRepairTop2BoxN, Double postRepairTop2BoxCiLow,
        Double postRepairTop2BoxCiHigh,
        long linkedComplaints, Double complaintRate, long complaintN, Double complaintCiLow, Double complaintCiHigh) {

    static RepairFigures of(String dimension, String value, Instant from, Instant to, RepairStats s,
                            Long customerBase) {
        Proportion onTime = Proportion.of(s.onTime(), s.promised());
        Proportion closure = Proportion.of(s.closed(), s.closable());
        Proportion reopen = Proportion.of(s.reopened(), s.handedBack());
        Proportion repeat = Proportion.of(s.repeats(), s.repeatable());
        Proportion returned = Proportion.of(s.returned(), s.returnable());
        Proportion top2 = Proportion.of(s.satisfied(), s.surveyed());
        Proportion complained = Proportion.of(s.complained(), s.complainable());
        Mean csat = Mean.of(s.csatSum(), s.csatSumSquares(), s.surveyed());
        Double customerMinutes = s.interruptions() == 0 ? null : s.customerMillis() / 60_000.0;
        return new RepairFigures(dimension, value, from, to,
                s.created(), s.cancelled(),
                onTime.rate, s.promised(), onTime.low, onTime.high,
                minutes(s.timeToArrive(), 0.5), minutes(s.timeToArrive(), 0.9), s.timeToArrive().count(),
                minutes(s.timeToComplete(), 0.5), minutes(s.timeToComplete(), 0.9), s.timeToComplete().count(),
                closure.rate, s.closable(), closure.low, closure.high,
                reopen.rate, s.handedBack(), reopen.low, reopen.high,
                repeat.rate, s.repeatable(), repeat.low, repeat.high,
                returned.rate, s.returnable(), returned.low, returned.high,
                s.outages(), customerBase,
                customerBase == null || s.outages() == 0 ? null : (double) s.outages() / customerBase,
                customerMinutes, s.interruptions(),
                customerBase == null || customerMinutes == null ? null : customerMinutes / customerBase,
                minutes(s.restoration(), 0.5), minutes(s.restoration(), 0.9), s.restoration().count(),
                csat.value, s.surveyed(), csat.low, csat.high,
                top2.rate, s.surveyed(), top2.low, top2.high,
                s.linkedComplaints(), complained.rate, s.complainable(), complained.low, complained.high);
    }

    private static Double minutes(DurationHistogram h, double q) {
        Long seconds = h.quantileSeconds(q);
        return seconds == null ? null : seconds / 60.0;
    }

    /** A share with its 95 % Wilson score interval; all {@code null} when n = 0. */
    private record Proportion(Double rate, Double low, Double high) {
        static Proportion of(long hits, long n) {
            Interval ci = Confidence.wilson(hits, n);
            return ci == null ? new Proportion(null, null, null)
                    : new Proportion((double) hits / n, ci.low(), ci.high());
        }
    }

    /** A mean with its 95 % Student-t interval (sample sd): null when n = 0, the interval null when n < 2. */
    private record Mean(Double value, Double low, Double high) {
        static Mean of(long sum, long sumSquares, long n) {
            if (n <= 0) {
                return new Mean(null, null, null);
            }
            double mean = (double) sum / n;
            if (n < 2) {
                return new Mean(mean, null, null);
            }
            double variance = Math.max(0, (sumSquares - (double) sum * sum / n) / (n - 1));
            double half = Confidence.studentT975(n - 1) * Math.sqrt(variance / n);
            return new Mean(mean, mean - half, mean + half);
        }
    }
}
