package io.vocstream.producers.sim;

import static io.vocstream.producers.sim.SimulationFixtures.fast;
import static io.vocstream.producers.sim.SimulationFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.events.ContactEvent;
import io.vocstream.producers.sink.PublishedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationDeterminismTest {
    private static final Duration THREE_HOURS = Duration.ofHours(3);

    @Test
    void sameSeedAndSettingsGiveTheSameEventsInTheSameOrder() {
        List<PublishedEvent> first = run(fast(7, 0.2, THREE_HOURS)
                .scenario(Scenario.parse("outage:region=north,at=PT1H"))).events();
        List<PublishedEvent> second = run(fast(7, 0.2, THREE_HOURS)
                .scenario(Scenario.parse("outage:region=north,at=PT1H"))).events();

        assertTrue(first.size() > 1000, "a busy morning, not " + first.size() + " events");
        assertEquals(first, second);
    }

    @Test
    void anotherSeedGivesAnotherHistory() {
        assertNotEquals(contactTimeline(run(fast(7, 0.2, THREE_HOURS)).events()),
                contactTimeline(run(fast(8, 0.2, THREE_HOURS)).events()));
    }

    /** When which contact step happened, ids aside. */
    private static List<String> contactTimeline(List<PublishedEvent> events) {
        return events.stream().filter(e -> e.event() instanceof ContactEvent)
                .map(e -> (ContactEvent) e.event())
                .map(c -> c.getEventTime() + " " + c.getType() + " " + c.getQueue())
                .toList();
    }

    @Test
    void anotherStartGivesOtherIdsSoThatRestartedRunsAreNotTakenForDuplicates() {
        PublishedEvent first = run(fast(7, 0.2, Duration.ofMinutes(5))).events().get(0);
        PublishedEvent later = run(fast(7, 0.2, Duration.ofMinutes(5))
                .start(SimulationFixtures.MONDAY.plusSeconds(60))).events().get(0);

        assertNotEquals(first.event().get(0), later.event().get(0), "eventId");
    }

    @Test
    void stopsAtExactlyTheEventLimit() {
        assertEquals(1234, run(fast(7, 0.2, THREE_HOURS).maxEvents(1234)).events().size());
    }
}
