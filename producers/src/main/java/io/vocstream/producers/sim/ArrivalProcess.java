package io.vocstream.producers.sim;

import java.util.function.LongToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * A non-homogeneous Poisson process sampled by thinning: candidates arrive at the bounding rate and each is kept
 * with probability rate(t) / bound, which is exact for any rate function that stays under the bound.
 */
final class ArrivalProcess {
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final LongToDoubleFunction ratePerSecond;
    private final double maxRatePerSecond;
    private final Runnable onArrival;
    private boolean stopped;

    /**
     * @param ratePerSecond    arrivals per second at a simulated time (epoch millis)
     * @param maxRatePerSecond an upper bound of {@code ratePerSecond}
     */
    ArrivalProcess(SimContext ctx, LongToDoubleFunction ratePerSecond, double maxRatePerSecond, Runnable onArrival) {
        this.scheduler = ctx.scheduler;
        this.random = ctx.random;
        this.ratePerSecond = ratePerSecond;
        this.maxRatePerSecond = maxRatePerSecond;
        this.onArrival = onArrival;
    }

    ArrivalProcess start() {
        scheduleCandidate();
        return this;
    }

    void stop() {
        stopped = true;
    }

    private void scheduleCandidate() {
        if (maxRatePerSecond > 0) {
            scheduler.after(random.nextExponential() / maxRatePerSecond, this::candidate);
        }
    }

    private void candidate() {
        if (stopped) {
            return;
        }
        if (random.nextDouble() * maxRatePerSecond < ratePerSecond.applyAsDouble(scheduler.now())) {
            onArrival.run();
        }
        scheduleCandidate();
    }
}
