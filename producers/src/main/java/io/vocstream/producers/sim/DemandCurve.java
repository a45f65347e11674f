package io.vocstream.producers.sim;

import java.time.DayOfWeek;

/**
 * How demand varies over the local day and week, as a factor around 1 (the mean over a weekday). Hourly levels are
 * interpolated linearly between the middles of the hours so that the rate has no steps.
 */
final class DemandCurve {
    /** Voice and chat: a morning peak, a dip at lunch, a smaller afternoon peak, quiet nights. */
    static final DemandCurve LIVE = new DemandCurve(new double[] {
            0.15, 0.10, 0.08, 0.08, 0.10, 0.20, 0.45, 0.95, 1.65, 2.05, 2.10, 1.90,
            1.55, 1.75, 1.85, 1.70, 1.50, 1.20, 0.95, 0.80, 0.60, 0.45, 0.30, 0.20},
            new double[] {1.20, 1.10, 1.05, 1.00, 0.95, 0.50, 0.35});
    /** E-mail: written around the clock, with a flatter office-hours bulge. */
    static final DemandCurve WRITTEN = new DemandCurve(new double[] {
            0.40, 0.30, 0.30, 0.30, 0.35, 0.50, 0.70, 1.00, 1.30, 1.50, 1.50, 1.40,
            1.30, 1.40, 1.40, 1.35, 1.30, 1.20, 1.10, 1.00, 0.90, 0.80, 0.60, 0.50},
            new double[] {1.15, 1.10, 1.05, 1.00, 0.95, 0.60, 0.55});
    /** Faults, outages and crews: the weather and the grid do not keep office hours. */
    static final DemandCurve FLAT = new DemandCurve(new double[] {1}, new double[] {1, 1, 1, 1, 1, 1, 1});

    private final double[] hourly;
    private final double[] weekday;
    private final double max;

    private DemandCurve(double[] hourlyLevels, double[] weekdayFactors) {
        double sum = 0;
        for (double level : hourlyLevels) {
            sum += level;
        }
        double mean = sum / hourlyLevels.length;
        this.hourly = new double[hourlyLevels.length];
        double highestHour = 0;
        for (int h = 0; h < hourlyLevels.length; h++) {
            hourly[h] = hourlyLevels[h] / mean;
            highestHour = Math.max(highestHour, hourly[h]);
        }
        this.weekday = weekdayFactors.clone();
        double highestDay = 0;
        for (double factor : weekday) {
            highestDay = Math.max(highestDay, factor);
        }
        this.max = highestHour * highestDay;
    }

    /** The demand factor at {@code epochMillis} in the calendar's zone. */
    double factor(LocalCalendar calendar, long epochMillis) {
        DayOfWeek day = calendar.dayOfWeek(epochMillis);
        return level(calendar.hourOfDay(epochMillis)) * weekday[day.getValue() - 1];
    }

    /** An upper bound of {@link #factor} over the whole week. */
    double max() {
        return max;
    }

    private double level(double hourOfDay) {
        int hours = hourly.length;
        if (hours == 1) {
            return hourly[0];
        }
        double position = hourOfDay * hours / 24.0 - 0.5;
        int below = (int) Math.floor(position);
        double fraction = position - below;
        double a = hourly[Math.floorMod(below, hours)];
        double b = hourly[Math.floorMod(below + 1, hours)];
        return a + (b - a) * fraction;
    }
}
