package io.vocstream.producers.sim;

import static io.vocstream.producers.sim.SimulationFixtures.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.producers.sink.EventSink;
import io.vocstream.producers.sink.InMemoryEventSink;
import io.vocstream.producers.sink.ProgressReport;
import io.vocstream.schemas.EventTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class SimulationRunnerTest {

    @Test
    void ratePaceSpreadsEventsOverTimeWithoutChangingThem() {
        InMemoryEventSink paced = new InMemoryEventSink();
        long started = System.nanoTime();
        SimulationRunner.run(fast(3, 0.2, Duration.ofHours(1)).pace(Pace.RATE).eventsPerSecond(2000)
                .maxEvents(600).build(), paced);
        double seconds = (System.nanoTime() - started) / 1e9;

        // event 599 is due 599 / 2000 s after the first
        assertTrue(seconds >= 0.29, "600 events at 2000/s took only " + seconds + " s");
        InMemoryEventSink unpaced = new InMemoryEventSink();
        SimulationRunner.run(fast(3, 0.2, Duration.ofHours(1)).maxEvents(600).build(), unpaced);
        assertEquals(unpaced.events(), paced.events());
    }

    @Test
    void realtimeEventsCarryTheWallClockAndCloseStopsFlushesAndClosesTheSink() throws Exception {
        List<long[]> timing = new CopyOnWriteArrayList<>(); // {event time, wall clock when published}
        InMemoryEventSink kept = new InMemoryEventSink();
        EventSink sink = new EventSink() {
            @Override
            public void publish(EventTopic topic, String key, SpecificRecord event) {
                timing.add(new long[] {((Instant) event.get(1)).toEpochMilli(), System.currentTimeMillis()});
                kept.publish(topic, key, event);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
                kept.close();
            }
        };
        SimulationRunner runner = SimulationRunner.startInBackground(SimulationSettings.builder()
                .pace(Pace.REALTIME).build(), sink);
        Thread.sleep(1500);
        assertTrue(runner.isRunning());
        runner.close();

        assertFalse(runner.isRunning());
        assertTrue(kept.isClosed(), "sink closed");
        assertFalse(timing.isEmpty(), "agents log in at the start");
        assertEquals(runner.eventsPublished(), kept.events().size());
        for (long[] event : timing) {
            assertTrue(Math.abs(event[1] - event[0]) < 1000, () -> "published at " + event[1] + " for " + event[0]);
        }
        assertTrue(Math.abs(runner.simulatedStart().toEpochMilli() - System.currentTimeMillis()) < 10_000);
    }

    @Test
    void progressIsReportedWhileRunningAndAtTheEnd() {
        List<ProgressReport> reports = new ArrayList<>();
        InMemoryEventSink sink = new InMemoryEventSink();

        SimulationRunner.run(fast(3, 0.2, Duration.ofHours(2)).progress(Duration.ofMillis(1), reports::add).build(),
                sink);

        assertTrue(reports.size() >= 2, "reports: " + reports.size());
        ProgressReport last = reports.get(reports.size() - 1);
        assertEquals(sink.events().size(), last.published());
        assertEquals(last.published(), last.perTopic().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(sink.events().stream().filter(e -> e.topic() == EventTopic.AGENT).count(),
                last.perTopic().get(EventTopic.AGENT));
    }

    @Test
    void aBackgroundRunEndsOnItsOwnWhenBounded() throws InterruptedException {
        InMemoryEventSink sink = new InMemoryEventSink();
        SimulationRunner runner = SimulationRunner.startInBackground(fast(3, 0.2, Duration.ofMinutes(30)).build(),
                sink);

        assertTrue(runner.awaitCompletion(Duration.ofSeconds(30)));
        assertFalse(sink.isClosed(), "the sink stays open until the runner is closed");
        runner.close();
        assertTrue(sink.isClosed());
        assertEquals(runner.eventsPublished(), sink.events().size());
    }

    @Test
    void aFailingSinkStopsTheRunAndTheFailureIsKept() {
        RuntimeException broken = new IllegalStateException("broker gone");
        EventSink failing = new EventSink() {
            private int published;

            @Override
            public void publish(EventTopic topic, String key, SpecificRecord event) {
                if (++published == 10) {
                    throw broken;
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        SimulationRunner runner = SimulationRunner.create(fast(3, 0.2, Duration.ofHours(1)).build(), failing);

        assertEquals(broken, assertThrows(IllegalStateException.class, runner::runToCompletion));
        assertEquals(broken, runner.failure().orElseThrow());
        assertEquals(9, runner.eventsPublished());
        runner.close();
    }

    @Test
    void aRunnerRunsOnce() {
        SimulationRunner runner = SimulationRunner.create(fast(3, 0.2, Duration.ofMinutes(1)).build(),
                new InMemoryEventSink());
        runner.runToCompletion();

        assertThrows(IllegalStateException.class, runner::runToCompletion);
        runner.close();
    }
}
