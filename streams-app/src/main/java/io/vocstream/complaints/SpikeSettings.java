package io.vocstream.complaints;

import io.vocstream.config.ConfigException;
import io.vocstream.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * Parameters of the complaint spike detector, from the {@code complaints.spike.*} and {@code complaints.drift.*}
 * settings; docs/complaints.md gives the defaults and the reasons for them.
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

    // keys without '-' so that each can also be set from the environment (VOCSTREAM_COMPLAINTS_SPIKE_MIN_COUNT)
    static final String WINDOWS = "complaints.spike.windows";
    static final String PVALUE_WARNING = "complaints.spike.pvalue.warning";
    static final String PVALUE_CRITICAL = "complaints.spike.pvalue.critical";
    static final String PVALUE_CLEAR = "complaints.spike.pvalue.clear";
    static final String MIN_COUNT = "complaints.spike.min.count";
    static final String MIN_RATE = "complaints.spike.min.rate";
    static final String BASELINE_WEEKS = "complaints.spike.baseline.weeks";
    static final String BASELINE_MIN_WEEKS = "complaints.spike.baseline.min.weeks";
    static final String FALLBACK_MIN_HOURS = "complaints.spike.fallback.min.hours";
    static final String FALLBACK_MAX_HOURS = "complaints.spike.fallback.max.hours";
    static final String DRIFT_SHIFT = "complaints.drift.shift";
    static final String DRIFT_THRESHOLD = "complaints.drift.threshold";
    static final List<String> KEYS = List.of(WINDOWS, PVALUE_WARNING, PVALUE_CRITICAL, PVALUE_CLEAR, MIN_COUNT,
            MIN_RATE, BASELINE_WEEKS, BASELINE_MIN_WEEKS, FALLBACK_MIN_HOURS, FALLBACK_MAX_HOURS, DRIFT_SHIFT,
            DRIFT_THRESHOLD);

    private static final int MAX_WINDOWS = 6;
    private static final Duration LONGEST_WINDOW = Duration.ofHours(24);
    private static final int YEAR_HOURS = 366 * 24;

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
        if (fallbackMinHours < 1 || fallbackMinHours > fallbackMaxHours) {
            throw new IllegalArgumentException("need 1 <= fallbackMinHours <= fallbackMaxHours, got "
                    + fallbackMinHours + " and " + fallbackMaxHours);
        }
        if (!(cusumShift > 1) || !(cusumThreshold > 0)) {
            throw new IllegalArgumentException("need cusumShift > 1 and cusumThreshold > 0");
        }
    }

    /** The built-in parameters, with a 5-minute grace. */
    public static SpikeSettings defaults() {
        return from(Settings.of(Map.of(), "defaults"));
    }

    /**
     * The parameters from the settings, each key defaulting as docs/complaints.md says; the CUSUM grace is 5
     * minutes until {@link #withGrace} sets the events grace.
     *
     * @throws ConfigException naming the key whose value is unusable, or the two keys that contradict each other
     */
    public static SpikeSettings from(Settings s) {
        List<Duration> windows = s.parsed(WINDOWS, List.of(Duration.ofMinutes(10), Duration.ofMinutes(30),
                Duration.ofMinutes(60)), SpikeSettings::windows,
                "1 to " + MAX_WINDOWS + " ISO-8601 durations between PT1M and PT24H, separated by commas");
        double warning = number(s, PVALUE_WARNING, 1e-3, p -> p > 0 && p < 1, "a p-value above 0 and below 1");
        double critical = number(s, PVALUE_CRITICAL, 1e-6, p -> p > 0 && p < 1, "a p-value above 0 and below 1");
        double clear = number(s, PVALUE_CLEAR, 0.05, p -> p > 0 && p <= 1, "a p-value above 0 and at most 1");
        requireOrder(critical <= warning, PVALUE_CRITICAL, critical, "at most", PVALUE_WARNING, warning);
        requireOrder(warning < clear, PVALUE_WARNING, warning, "below", PVALUE_CLEAR, clear);
        int minCount = s.intIn(MIN_COUNT, 5, 1, 1_000_000);
        double floor = number(s, MIN_RATE, 0.5, r -> r > 0 && r <= 1_000_000,
                "complaints per hour, above 0 and at most 1000000");
        int weeks = s.intIn(BASELINE_WEEKS, 4, 1, 52);
        int minWeeks = s.intIn(BASELINE_MIN_WEEKS, Math.min(2, weeks), 1, 52);
        requireOrder(minWeeks <= weeks, BASELINE_MIN_WEEKS, minWeeks, "at most", BASELINE_WEEKS, weeks);
        int fallbackMin = s.intIn(FALLBACK_MIN_HOURS, 1, 1, YEAR_HOURS);
        int fallbackMax = s.intIn(FALLBACK_MAX_HOURS, Math.max(168, fallbackMin), 1, YEAR_HOURS);
        requireOrder(fallbackMin <= fallbackMax, FALLBACK_MIN_HOURS, fallbackMin, "at most", FALLBACK_MAX_HOURS,
                fallbackMax);
        double shift = number(s, DRIFT_SHIFT, 1.5, k -> k > 1 && k <= 100, "a rate ratio above 1 and at most 100");
        double threshold = number(s, DRIFT_THRESHOLD, 7.0, h -> h > 0 && h <= 1000,
                "a CUSUM threshold above 0 and at most 1000");
        return new SpikeSettings(windows, warning, critical, clear, minCount, floor, weeks, minWeeks, fallbackMin,
                fallbackMax, shift, threshold, Duration.ofMinutes(5));
    }

    private static List<Duration> windows(String raw) {
        List<Duration> windows = new ArrayList<>();
        for (String part : raw.split(",")) {
            Duration window = Duration.parse(part.trim());
            if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
                throw new IllegalArgumentException(part.trim() + " is outside PT1M to PT24H");
            }
            windows.add(window);
        }
        if (windows.size() > MAX_WINDOWS) {
            throw new IllegalArgumentException(windows.size() + " windows");
        }
        return windows;
    }

    /** A decimal setting within the range {@code allowed} describes as {@code expected}. */
    static double number(Settings s, String key, double defaultValue, DoublePredicate allowed,
                                 String expected) {
        return s.parsed(key, defaultValue, raw -> {
            double v = Double.parseDouble(raw);
            if (!allowed.test(v)) {
                throw new IllegalArgumentException("out of range");
            }
            return v;
        }, expected);
    }

    /** Refuses two settings that contradict each other, naming both. */
    private static void requireOrder(boolean holds, String key, Object value, String relation, String otherKey,
                             Object otherValue) {
        if (!holds) {
            throw new ConfigException("setting '" + key + "' (" + value + ") must be " + relation + " '" + otherKey
                    + "' (" + otherValue + ")");
        }
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
