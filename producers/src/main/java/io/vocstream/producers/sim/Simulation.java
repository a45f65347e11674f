package io.vocstream.producers.sim;

import java.util.SplittableRandom;

/**
 * One simulated world, wired together and driven step by step. Every model draws from one seeded generator and
 * every happening runs in (time, scheduling order), so the same settings and start replay the same events.
 */
final class Simulation {
    private final Scheduler scheduler;

    Simulation(SimulationSettings settings, long startMillis, EventOutput output) {
        this.scheduler = new Scheduler(startMillis);
        SimContext ctx = new SimContext(scheduler, new SplittableRandom(settings.seed()),
                new Ids(settings.seed(), startMillis), World.standard(), new LocalCalendar(settings.zone()),
                new ScenarioEffects(settings.scenarios(), startMillis), settings.volumeScale(), output);
        SurveyModel surveys = new SurveyModel(ctx);
        ComplaintModel complaints = new ComplaintModel(ctx, surveys);
        ContactArrivals arrivals = new ContactArrivals(ctx);
        RepairModel repairs = new RepairModel(ctx, arrivals, complaints, surveys);
        OutageModel outages = new OutageModel(ctx, arrivals, repairs, complaints, surveys);
        ContactCenter center = new ContactCenter(ctx, arrivals, repairs, complaints, surveys);
        arrivals.routeTo(new Ivr(ctx, arrivals, center, outages, surveys), center);
        Workforce workforce = new Workforce(ctx, center, arrivals);
        scheduler.at(startMillis, () -> {
            workforce.start();
            arrivals.start();
            outages.start();
            complaints.start();
        });
    }

    /** Simulated time now, epoch milliseconds. */
    long now() {
        return scheduler.now();
    }

    /** Simulated time of the next step. */
    long nextTime() {
        return scheduler.nextTime();
    }

    /** Runs the next happening, which emits zero or more events. */
    void step() {
        scheduler.runNext();
    }
}
