package io.vocstream.complaints;

import java.time.Duration;
import java.util.List;

/**
 * Parameters of the complaint spike detector; docs/complaints.md gives the defaults and the reasons for them.
 *
 * @param scanWindows      spans over which the current count is taken (the smallest p-value, Bonferroni-corrected
 *                         for the number of spans, decides)
 * @param alphaWarning     corrected p-value below which the Poisson rule fires a warning
 * @param alphaCritical    corrected p-value below which it is critical
 * @param alphaClear       corrected p-value at or above which the signal counts as clear (hysteresis band)
 * @param minCount         minimum observed count before the Poisson rule may fire (Farrington-style floor)
 * @param floorPerHour     smallest expected rate per hour; an empty history does not make one complaint a spike
 * @param seasonalWeeks    weeks of the same hour of the week (and the hours either side) averaged for the baseline
 * @param seasonalMinWeeks weeks of history needed before the seasonal baseline is used instead of the fallback
 * @param fallbackMinHours hours of history needed before the fallback (flat mean of the recent hours) is used;
 *                         with less history the detector only learns
 * @param fallbackMaxHours most recent hours the fallback averages
 * @param cusumShift       rate ratio the CUSUM is tuned to detect (its log-likelihood ratio increments)
 * @param cusumThreshold   CUSUM decision threshold h in log-likelihood units; the in-control run length is at least
 *                         e^h hours (Wald), e^7 ~ 1,100 hours ~ 6.5 weeks per dimension
 * @param grace            lateness allowed for events; an hour is folded into the CUSUM only after its grace
 */
public record SpikeSettings(List<Duration> scanWindows, double alphaWarning, double alphaCritical, double alphaClear,
                            int minCount, double floorPerHour, int seasonalWeeks, int seasonalMinWeeks,
                            int fallbackMinHours, int fallbackMaxHours, double cusumShift, double cusumThreshold,
                            Duration grace) {

    public static final String POISSON_RULE = "poisson-spike";
    public static final String CUSUM_RULE = "cusum-drift";

    public SpikeSettings {
        scanWindows = List.copyOf(scanWindows);
        if (scanWindows.isEmpty() || scanWindows.stream().anyMatch(w -> w.isZero() || w.isNegative())) {
            throw new IllegalArgumentException("scan windows must be positive and at least one, got " + scanWindows);
        }
        if (!(0 < alphaCritical && alphaCritical <= alphaWarning && alphaWarning < alphaClear && alphaClear <= 1)) {
            throw new IllegalArgumentException("need 0 < alphaCritical <= alphaWarning < alphaClear <= 1, got "
                    + alphaCritical + ", " + alphaWarning + ", " + alphaClear);
        }
        if (seasonalMinWeeks < 1 || seasonalMinWeeks > seasonalWeeks) {
            throw new IllegalArgumentException("need 1 <= seasonalMinWeeks <= seasonalWeeks, got " + seasonalMinWeeks
                    + " and " + seasonalWeeks);
        }
        if (!(cusumShift > 1) || !(cusumThreshold > 0)) {
            throw new IllegalArgumentException("need cusumShift > 1 and cusumThreshold > 0");
        }
    }

    public static SpikeSettings defaults() {
        return new SpikeSettings(List.of(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(60)),
                1e-3, 1e-6, 0.05, 5, 0.5, 4, 2, 1, 168, 1.5, 7.0, Duration.ofMinutes(5));
    }

    public SpikeSettings withGrace(Duration eventsGrace) {
        return new SpikeSettings(scanWindows, alphaWarning, alphaCritical, alphaClear, minCount, floorPerHour,
                seasonalWeeks, seasonalMinWeeks, fallbackMinHours, fallbackMaxHours, cusumShift, cusumThreshold,
                eventsGrace);
    }

    Duration longestWindow() {
        return scanWindows.stream().max(Duration::compareTo).orElseThrow();
    }
}
