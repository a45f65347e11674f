package io.vocstream.producers.sim;

import java.util.List;

/** How the injected scenarios change the world at a given simulated time. */
final class ScenarioEffects {
    private final List<Scenario> scenarios;
    private final long startMillis;

    ScenarioEffects(List<Scenario> scenarios, long startMillis) {
        this.scenarios = scenarios;
        this.startMillis = startMillis;
    }

    List<Scenario> all() {
        return scenarios;
    }

    long startOf(Scenario scenario) {
        return startMillis + scenario.at().toMillis();
    }

    long endOf(Scenario scenario) {
        return startOf(scenario) + scenario.duration().toMillis();
    }

    boolean active(Scenario scenario, long now) {
        return now >= startOf(scenario) && now < endOf(scenario);
    }

    /** Factor on the region's outage-related contacts, outage orders and outage complaints. */
    double outageFactor(Region region, long now) {
        double factor = 1;
        for (Scenario scenario : scenarios) {
            if (scenario instanceof Scenario.Outage outage && outage.region().equals(region.name())
                    && active(scenario, now)) {
                factor *= outage.factor();
            }
        }
        return factor;
    }

    /** An upper bound of {@link #outageFactor} over the run, for thinning. */
    double maxOutageFactor(Region region) {
        double factor = 1;
        for (Scenario scenario : scenarios) {
            if (scenario instanceof Scenario.Outage outage && outage.region().equals(region.name())) {
                factor *= outage.factor();
            }
        }
        return factor;
    }

    /** Share of the queue's planned agents who are at work (1 unless an agent shortage is on). */
    double staffingFactor(QueueProfile queue, long now) {
        double factor = 1;
        for (Scenario scenario : scenarios) {
            if (scenario instanceof Scenario.AgentShortage shortage && shortage.queue().equals(queue.name())
                    && active(scenario, now)) {
                factor *= 1 - shortage.lost();
            }
        }
        return factor;
    }
}
