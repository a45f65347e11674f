package io.vocstream.producers.sim;

import io.vocstream.schemas.EventTopic;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.apache.avro.specific.SpecificRecord;

/** What every model of one run shares: the clock, the one random generator, ids, the world and the output. */
final class SimContext {
    final Scheduler scheduler;
    final RandomGenerator random;
    final Ids ids;
    final World world;
    final CustomerPopulation population;
    final CustomerMemory memory;
    final LocalCalendar calendar;
    final ScenarioEffects scenarios;
    /** Volume scale: multiplies customer-initiated rates, agents and crews. */
    final double scale;
    private final EventOutput output;

    SimContext(Scheduler scheduler, RandomGenerator random, Ids ids, World world, LocalCalendar calendar,
               ScenarioEffects scenarios, double scale, EventOutput output) {
        this.scheduler = scheduler;
        this.random = random;
        this.ids = ids;
        this.world = world;
        this.population = new CustomerPopulation(world.regions());
        this.memory = new CustomerMemory();
        this.calendar = calendar;
        this.scenarios = scenarios;
        this.scale = scale;
        this.output = output;
    }

    long now() {
        return scheduler.now();
    }

    Instant nowInstant() {
        return Instant.ofEpochMilli(scheduler.now());
    }

    String eventId() {
        return ids.eventId();
    }

    void emit(EventTopic topic, String key, SpecificRecord event) {
        output.emit(topic, key, event);
    }
}
