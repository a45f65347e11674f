package io.vocstream.producers.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.producers.sim.Pace;
import io.vocstream.producers.sim.SimulationRunner;
import io.vocstream.producers.sim.SimulationSettings;
import io.vocstream.producers.sink.InMemoryEventSink;
import io.vocstream.producers.sink.PublishedEvent;
import io.vocstream.schemas.EventTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void simulatedEventsWrittenAsJsonLinesReplayAsTheSameRecords() throws IOException {
        SimulationSettings settings = SimulationSettings.builder().seed(5).pace(Pace.FAST)
                .start(Instant.parse("2026-03-02T08:00:00Z")).volumeScale(0.05).stopAfter(Duration.ofHours(2))
                .build();
        InMemoryEventSink direct = new InMemoryEventSink();
        SimulationRunner.run(settings, direct);
        Path file = dir.resolve("simulated.jsonl");
        SimulationRunner.run(settings, new JsonLinesSink(Files.newOutputStream(file)));

        InMemoryEventSink replayed = new InMemoryEventSink();
        List<ReplayError> errors = new ArrayList<>();
        new Replayer(replayed, false, errors::add).replay(List.of(file));

        List<PublishedEvent> expected = direct.events();
        assertTrue(expected.size() > 5000, "a busy morning: " + expected.size());
        assertEquals(EnumSet.allOf(EventTopic.class), expected.stream().map(PublishedEvent::topic)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventTopic.class))), "every topic");
        assertEquals(List.of(), errors);
        assertEquals(expected, replayed.events());
    }
}
