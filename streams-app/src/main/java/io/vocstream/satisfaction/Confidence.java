package io.vocstream.satisfaction;

/**
 * The 95 % intervals used for satisfaction figures: Wilson score intervals for shares, Student-t intervals for
 * means of scores.
 */
public final class Confidence {
    /** The standard normal 0.975 quantile. */
    public static final double Z_975 = 1.959963984540054;

    /** Student's t 0.975 quantiles for 1..30 degrees of freedom (standard tables, 7 decimals). */
    private static final double[] T_975 = {
        12.7062047, 4.3026527, 3.1824463, 2.7764451, 2.5705818, 2.4469119, 2.3646243, 2.3060041, 2.2621572,
        2.2281389, 2.2009852, 2.1788128, 2.1603687, 2.1447867, 2.1314495, 2.1199053, 2.1098155, 2.1009220,
        2.0930241, 2.0859634, 2.0796138, 2.0738731, 2.0686576, 2.0638986, 2.0595386, 2.0555294, 2.0518305,
        2.0484071, 2.0452296, 2.0422725,
    };

    private Confidence() {
    }

    /**
     * Student's t 0.975 quantile for {@code df} degrees of freedom: the table up to 30, above it the Cornish-Fisher
     * expansion around the normal quantile (Abramowitz and Stegun 26.7.5), accurate to better than 1e-5 there.
     */
    public static double studentT975(long df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + df);
        }
        if (df <= T_975.length) {
            return T_975[(int) df - 1];
        }
        double z = Z_975;
        double z2 = z * z;
        double g1 = (z2 + 1) * z / 4;
        double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
        double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
        double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
        double v = df;
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
    }

    /** The Wilson score interval of a share {@code successes / n}, or null when n = 0. */
    public static Interval wilson(long successes, long n) {
        if (n == 0) {
            return null;
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException(successes + " successes out of " + n);
        }
        double p = (double) successes / n;
        double z2 = Z_975 * Z_975;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z_975 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
