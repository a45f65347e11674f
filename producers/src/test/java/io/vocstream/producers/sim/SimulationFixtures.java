package io.vocstream.producers.sim;

import io.vocstream.producers.sink.InMemoryEventSink;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs small simulations for tests: FAST pace from a Monday midnight (UTC), in memory. */
final class SimulationFixtures {
    static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");

    private SimulationFixtures() {
    }

    static SimulationSettings.Builder fast(long seed, double scale, Duration duration) {
        return SimulationSettings.builder().seed(seed).pace(Pace.FAST).start(MONDAY).zone(ZoneOffset.UTC)
                .volumeScale(scale).stopAfter(duration);
    }

    static InMemoryEventSink run(SimulationSettings.Builder settings) {
        InMemoryEventSink sink = new InMemoryEventSink();
        SimulationRunner.run(settings.build(), sink);
        return sink;
    }
}
