package io.vocstream.complaints;

import static io.vocstream.complaints.ComplaintArrivals.HOUR_MS;
import static io.vocstream.complaints.ComplaintArrivals.hourOf;

import io.vocstream.alerts.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.special.Gamma;

/**
 * Decides whether new complaints in one dimension are above what is normal for the hour of the week.
 *
 * <p>Poisson rule: for each scan window w, observed = arrivals in (t - w, t] and expected = baseline rate x w
 * (never below the floor rate); p = P(X >= observed), X ~ Poisson(expected), computed exactly as the regularized
 * lower incomplete gamma P(observed, expected), then multiplied by the number of windows (Bonferroni). The window
 * with the smallest p is reported. The rule fires only with at least {@code minCount} observed complaints.
 *
 * <p>Baseline, in the spirit of Farrington: the mean count of the same hour of the week and the hours either side
 * over the last weeks (at most {@code seasonalWeeks}, at least {@code seasonalMinWeeks}). With less history the
 * fallback is the flat mean hourly count of the recent complete hours, and the alert says so; with less than
 * {@code fallbackMinHours} the detector only learns.
 *
 * <p>CUSUM rule for slow drift: per completed hour, S = max(0, S + x ln(k) - mu (k - 1)) with x the hour's count, mu
 * its baseline and k the shift to detect; it fires at S >= h and is clear when S is back at 0.
 */
public final class SpikeDetector {
    private static final long WEEK_HOURS = 7 * 24;

    private final SpikeSettings settings;

    public SpikeDetector(SpikeSettings settings) {
        this.settings = settings;
    }

    /** Where the expected count comes from. */
    record Baseline(double perHour, String description, boolean fallback) {
    }

    /** The Poisson rule's verdict at time {@code now}; {@code observingSince} is the start of the history. */
    public Signal poisson(ComplaintArrivals arrivals, long observingSince, long now) {
        Optional<Baseline> baseline = baseline(arrivals, observingSince, hourOf(now));
        if (baseline.isEmpty()) {
            return learning(arrivals, now);
        }
        double perHour = Math.max(baseline.get().perHour(), settings.floorPerHour());
        int windows = settings.scanWindows().size();
        Signal best = null;
        for (Duration window : settings.scanWindows()) {
            long observed = arrivals.countIn(now, window.toMillis());
            double expected = perHour * window.toMillis() / HOUR_MS;
            double p = Math.min(1.0, upperTail(observed, expected) * windows);
            if (best == null || p < best.pValue()) {
                best = new Signal(level(observed, p), observed, expected, p, observed / expected,
                        baseline.get().description() + "; scan window " + window.toMinutes() + " min",
                        baseline.get().fallback(), List.of());
            }
        }
        return best;
    }

    /** P(X >= observed) for X ~ Poisson(expected). */
    static double upperTail(long observed, double expected) {
        return observed <= 0 ? 1.0 : Gamma.regularizedGammaP(observed, expected);
    }

    private Signal.Level level(long observed, double p) {
        if (p >= settings.alphaClear()) {
            return Signal.Level.CLEAR;
        }
        if (observed < settings.minCount() || p >= settings.alphaWarning()) {
            return Signal.Level.ELEVATED;
        }
        return p < settings.alphaCritical() ? Signal.Level.CRITICAL : Signal.Level.WARNING;
    }

    private Signal learning(ComplaintArrivals arrivals, long now) {
        long observed = arrivals.countIn(now, settings.longestWindow().toMillis());
        return new Signal(Signal.Level.CLEAR, observed, 0, null, 0,
                "learning: fewer than " + settings.fallbackMinHours() + " h of history", true, List.of());
    }

    /** The baseline for the hour {@code hour}, from the complete hours before it. */
    Optional<Baseline> baseline(ComplaintArrivals arrivals, long observingSince, long hour) {
        long firstFullHour = Math.floorDiv(observingSince + HOUR_MS - 1, HOUR_MS);
        // week j is usable when its hour before the matching one lies in the history
        long weeks = Math.min(settings.seasonalWeeks(), Math.floorDiv(hour - 1 - firstFullHour, WEEK_HOURS));
        if (weeks >= settings.seasonalMinWeeks()) {
            long sum = 0;
            for (long j = 1; j <= weeks; j++) {
                long same = hour - j * WEEK_HOURS;
                sum += arrivals.countInHours(same - 1, same + 2);
            }
            return Optional.of(new Baseline(sum / (3.0 * weeks), "seasonal: mean of the same hour of the week and"
                    + " the hours either side over the last " + weeks + " weeks", false));
        }
        long hours = Math.min(settings.fallbackMaxHours(), hour - firstFullHour);
        if (hours < settings.fallbackMinHours()) {
            return Optional.empty();
        }
        double perHour = (double) arrivals.countInHours(hour - hours, hour) / hours;
        return Optional.of(new Baseline(perHour, "fallback: flat mean of the last " + hours + " h (the seasonal"
                + " baseline needs " + settings.seasonalMinWeeks() + " weeks of history)", true));
    }

    /**
     * Folds every hour whose grace has passed by {@code now} into the CUSUM and returns the drift rule's verdict.
     * Hours without a baseline leave the statistic as it is.
     */
    public Signal cusum(ComplaintArrivals arrivals, long observingSince, long now) {
        long lastFoldable = hourOf(now - settings.grace().toMillis()) - 1;
        long next = arrivals.cusumNextHour() == Long.MIN_VALUE ? hourOf(observingSince)
                : arrivals.cusumNextHour();
        // after a long silence, hours older than the seasonal span no longer have counts: start there
        next = Math.max(next, lastFoldable - settings.seasonalWeeks() * WEEK_HOURS);
        double statistic = arrivals.cusum();
        long runObserved = arrivals.runObserved();
        double runExpected = arrivals.runExpected();
        double logShift = Math.log(settings.cusumShift());
        String description = null;
        boolean fallback = false;
        for (long hour = next; hour <= lastFoldable; hour++) {
            Optional<Baseline> baseline = baseline(arrivals, observingSince, hour);
            if (baseline.isEmpty()) {
                continue;
            }
            double mu = Math.max(baseline.get().perHour(), settings.floorPerHour());
            int x = arrivals.countInHour(hour);
            statistic = Math.max(0, statistic + x * logShift - mu * (settings.cusumShift() - 1));
            runObserved = statistic == 0 ? 0 : runObserved + x;
            runExpected = statistic == 0 ? 0 : runExpected + mu;
            description = baseline.get().description();
            fallback = baseline.get().fallback();
        }
        if (lastFoldable >= next) {
            arrivals.cusumState(statistic, lastFoldable + 1, runObserved, runExpected);
        }
        Signal.Level level = statistic >= 2 * settings.cusumThreshold() ? Signal.Level.CRITICAL
                : statistic >= settings.cusumThreshold() ? Signal.Level.WARNING
                : statistic > 0 ? Signal.Level.ELEVATED : Signal.Level.CLEAR;
        return new Signal(level, runObserved, runExpected, null, statistic,
                description == null ? "CUSUM over completed hours" : "CUSUM over completed hours; " + description,
                fallback, List.of());
    }

    /** Drops what neither the baseline nor the scan windows will read again. */
    public void prune(ComplaintArrivals arrivals, long now) {
        long keepHours = Math.max(settings.seasonalWeeks() * WEEK_HOURS + 2, settings.fallbackMaxHours());
        arrivals.prune(hourOf(now) - keepHours,
                now - settings.longestWindow().toMillis() - settings.grace().toMillis());
    }
}
