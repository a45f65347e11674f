package io.vocstream.producers.sim;

import java.util.List;
import java.util.random.RandomGenerator;

/** Draws from the distributions the models use, all from the run's single generator. */
final class Draw {
    private Draw() {
    }

    static boolean chance(RandomGenerator random, double probability) {
        return random.nextDouble() < probability;
    }

    static double exponential(RandomGenerator random, double mean) {
        return mean * random.nextExponential();
    }

    /** A log-normal draw with the given mean and coefficient of variation: the usual shape of handling times. */
    static double lognormal(RandomGenerator random, double mean, double cv) {
        double sigma2 = Math.log1p(cv * cv);
        return mean * Math.exp(Math.sqrt(sigma2) * random.nextGaussian() - sigma2 / 2);
    }

    static double uniform(RandomGenerator random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    static <T> T oneOf(RandomGenerator random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** One of {@code items}, with probability proportional to {@code weights}. */
    static <T> T weighted(RandomGenerator random, List<T> items, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }
}
