package io.vocstream.complaints;

import static io.vocstream.complaints.ComplaintArrivals.HOUR_MS;
import static io.vocstream.complaints.ComplaintArrivals.hourOf;

import io.vocstream.alerts.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.special.Beta;

/**
 * Decides whether new complaints in one dimension are above what is normal for the hour of the week.
 *
 * <p>Count rule: for each scan window w, observed = arrivals in (t - w, t]. The baseline's C complaints in E hours
 * give the rate a gamma(C + 1/2, E) posterior (Jeffreys prior; C raised to floor x E), so the count in w is negative
 * binomial with mean expected = (C + 1/2) w / E: a Poisson upper bound widened by the baseline's own uncertainty,
 * which keeps short or thin histories from raising false alerts. p = P(X >= observed), computed exactly as a
 * regularized incomplete beta, then multiplied by the number of windows (Bonferroni). The window with the smallest
 * p is reported. The rule fires only with at least {@code minCount} observed complaints.
 *
 * <p>Baseline, in the spirit of Farrington: the counts of the same hours of the week over the last weeks (at most
 * {@code seasonalWeeks}, at least {@code seasonalMinWeeks}), each hour weighted by its overlap with the window. With less history the
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
    record Baseline(double count, double hours, String description, boolean fallback) {
        double perHour() {
            return count / hours;
        }
    }

    /** The Poisson rule's verdict at time {@code now}; {@code observingSince} is the start of the history. */
    public Signal poisson(ComplaintArrivals arrivals, long observingSince, long now) {
        int windows = settings.scanWindows().size();
        Signal best = null;
        for (Duration window : settings.scanWindows()) {
            Optional<Baseline> baseline = baseline(arrivals, observingSince, now - window.toMillis(), now);
            if (baseline.isEmpty()) {
                return learning(arrivals, now);
            }
            Baseline b = baseline.get();
            // the baseline's count, raised to the floor rate, plus Jeffreys' 1/2: the gamma posterior of the rate
            double shape = Math.max(b.count(), settings.floorPerHour() * b.hours()) + 0.5;
            double windowHours = (double) window.toMillis() / HOUR_MS;
            long observed = arrivals.countIn(now, window.toMillis());
            double expected = shape * windowHours / b.hours();
            double p = Math.min(1.0, upperTail(observed, shape, windowHours / (b.hours() + windowHours)) * windows);
            if (best == null || p < best.pValue()) {
                best = new Signal(level(observed, p), observed, expected, p, observed / expected,
                        b.description() + "; scan window " + window.toMinutes() + " min", b.fallback(), List.of());
            }
        }
        return best;
    }

    /**
     * P(X >= observed) for X negative binomial with {@code shape} and failure probability {@code q}: the count in a
     * window whose Poisson rate has a gamma posterior, i.e. the regularized incomplete beta I_q(observed, shape).
     */
    static double upperTail(long observed, double shape, double q) {
        return observed <= 0 ? 1.0 : Beta.regularizedBeta(q, observed, shape);
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

    /**
     * The baseline for the span (from, to], from complete hours of history. Seasonal: for each hour the span
     * overlaps, the counts of the same hour of the week in the last weeks, weighted by the overlap; {@code count}
     * is then the weeks' total for a span of one hour and {@code hours} the number of weeks.
     */
    Optional<Baseline> baseline(ComplaintArrivals arrivals, long observingSince, long from, long to) {
        long firstFullHour = Math.floorDiv(observingSince + HOUR_MS - 1, HOUR_MS);
        long firstHour = hourOf(from);
        long weeks = Math.min(settings.seasonalWeeks(), Math.floorDiv(firstHour - firstFullHour, WEEK_HOURS));
        if (weeks >= settings.seasonalMinWeeks()) {
            double weighted = 0;
            for (long hour = firstHour; hour * HOUR_MS < to; hour++) {
                double overlap = Math.min(to, (hour + 1) * HOUR_MS) - Math.max(from, hour * HOUR_MS);
                long sameHours = 0;
                for (long j = 1; j <= weeks; j++) {
                    sameHours += arrivals.countInHour(hour - j * WEEK_HOURS);
                }
                weighted += sameHours * overlap / (to - from);
            }
            return Optional.of(new Baseline(weighted, weeks, "seasonal: the same hours of the week over the last "
                    + weeks + " weeks", false));
        }
        long currentHour = hourOf(to);
        long hours = Math.min(settings.fallbackMaxHours(), currentHour - firstFullHour);
        if (hours < settings.fallbackMinHours()) {
            return Optional.empty();
        }
        return Optional.of(new Baseline(arrivals.countInHours(currentHour - hours, currentHour), hours,
                "fallback: flat mean of the last " + hours + " h (the seasonal baseline needs "
                        + settings.seasonalMinWeeks() + " weeks of history)", true));
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
            Optional<Baseline> baseline = baseline(arrivals, observingSince, hour * HOUR_MS, (hour + 1) * HOUR_MS);
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
