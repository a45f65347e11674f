package io.vocstream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.Touchpoint;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IngestTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:30:00Z");

    private final TopologyHarness harness = TopologyHarness.start(Map.of(),
            TopologyHarness.of((builder, inputs) -> IngestTopology.build(builder, inputs)));

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    @DisplayName("counts usable events per topic and keeps the latest event time, whatever the arrival order")
    void countsPerTopic() {
        harness.pipe(
                Events.contact("c1", ContactEventType.OFFERED, T0.plusSeconds(60)).build(),
                Events.contact("c1", ContactEventType.ANSWERED, T0.plusSeconds(120)).build(),
                // arrives last but happened first: the latest event time stays T0+120 s
                Events.contact("c2", ContactEventType.OFFERED, T0).build(),
                Events.complaint("k1", ComplaintEventType.OPENED, T0.plusSeconds(30)).build(),
                Events.survey("r1", Touchpoint.AGENT, T0.plusSeconds(10)).setCsat(4).build());

        KeyValueStore<String, TopicActivity> store = harness.driver().getKeyValueStore(IngestTopology.COUNTS_STORE);
        assertEquals(new TopicActivity(3, T0.plusSeconds(120).toEpochMilli()), store.get("contact-events"));
        assertEquals(new TopicActivity(1, T0.plusSeconds(30).toEpochMilli()), store.get("complaint-events"));
        assertEquals(new TopicActivity(1, T0.plusSeconds(10).toEpochMilli()), store.get("survey-responses"));
        assertNull(store.get("repair-events"));
    }

    @Test
    @DisplayName("events refused on the way in (duplicates, invalid) are not counted")
    void refusedEventsAreNotCounted() {
        var offered = Events.contact("c1", ContactEventType.OFFERED, T0).build();
        harness.pipe(offered, offered,
                Events.survey("r1", Touchpoint.AGENT, T0).setCsat(9).build());

        KeyValueStore<String, TopicActivity> store = harness.driver().getKeyValueStore(IngestTopology.COUNTS_STORE);
        assertEquals(1, store.get("contact-events").events());
        assertNull(store.get("survey-responses"));
    }
}
