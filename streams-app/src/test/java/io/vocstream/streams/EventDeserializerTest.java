package io.vocstream.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.events.ContactEventType;
import io.vocstream.events.SurveyResponse;
import io.vocstream.events.Touchpoint;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import io.vocstream.schemas.registry.SchemaRegistryException;
import io.vocstream.schemas.serde.SchemaRegistryUnavailableException;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the input topics accept as their events, and how a schema registry outage is waited out. */
class EventDeserializerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T11:00:00Z");

    private final EventSerdes serdes = new EventSerdes(new InMemorySchemaRegistryClient(), Map.of());
    private final SpecificRecord contact = Events.contact("c1", ContactEventType.OFFERED, T0).build();
    private final byte[] contactBytes = serdes.forTopic(EventTopic.CONTACT).serializer()
            .serialize("contact-events", contact);

    /** The real Avro deserializer behind a registry that cannot be asked the first {@code failures} times. */
    private Deserializer<SpecificRecord> registryDownFor(int failures, AtomicInteger attempts) {
        Deserializer<SpecificRecord> avro = serdes.forTopic(EventTopic.CONTACT).deserializer();
        return (topic, data) -> {
            if (attempts.incrementAndGet() <= failures) {
                throw new SchemaRegistryUnavailableException("the registry is down", new SchemaRegistryException(
                        "GET /schemas/ids/1 failed: cannot connect", null));
            }
            return avro.deserialize(topic, data);
        };
    }

    @Test
    @DisplayName("while the registry cannot be asked, the read waits and tries again, counting each failed try")
    void waitsOutAShortOutage() {
        AtomicInteger attempts = new AtomicInteger();
        double countedBefore = EventDeserializer.REGISTRY_UNAVAILABLE.labels("contact-events").get();
        EventDeserializer deserializer = new EventDeserializer(EventTopic.CONTACT, registryDownFor(2, attempts),
                Duration.ofSeconds(5));

        assertEquals(contact, deserializer.deserialize("contact-events", contactBytes));

        assertEquals(3, attempts.get());
        assertEquals(2.0, EventDeserializer.REGISTRY_UNAVAILABLE.labels("contact-events").get() - countedBefore);
    }

    @Test
    @DisplayName("an outage longer than the wait is rethrown as retriable, and the handler fails the thread instead "
            + "of dead-lettering")
    void aLongOutageFailsTheThreadWithoutDeadLettering() {
        EventDeserializer deserializer = new EventDeserializer(EventTopic.CONTACT,
                registryDownFor(Integer.MAX_VALUE, new AtomicInteger()), Duration.ofMillis(300));
        long started = System.nanoTime();

        SchemaRegistryUnavailableException e = assertThrows(SchemaRegistryUnavailableException.class,
                () -> deserializer.deserialize("contact-events", contactBytes));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300, "it waited");
        String stage = DeadLetterDeserializationHandler.STAGE;
        double deadLettered = DeadLetters.RECORDS.labels("contact-events", stage).get();
        DeserializationExceptionHandler.Response response = new DeadLetterDeserializationHandler().handleError(null,
                new ConsumerRecord<>("contact-events", 0, 7L, new byte[0], contactBytes), e);
        assertEquals(DeserializationExceptionHandler.Result.FAIL, response.result());
        assertTrue(response.deadLetterQueueRecords().isEmpty());
        assertEquals(deadLettered, DeadLetters.RECORDS.labels("contact-events", stage).get());
    }

    @Test
    @DisplayName("a well-formed event of another type on an input topic is dead-lettered as the wrong type")
    void anEventOfAnotherTypeIsDeadLettered() {
        List<SpecificRecord> passed = new ArrayList<>();
        try (TopologyHarness harness = TopologyHarness.start(Map.of(), TopologyHarness.of((builder, inputs) ->
                inputs.of(EventTopic.CONTACT).foreach((key, event) -> passed.add((SpecificRecord) event))))) {
            SurveyResponse survey = Events.survey("r1", Touchpoint.AGENT, TopologyHarness.WALL_CLOCK_START)
                    .setCsat(4).build();
            byte[] surveyBytes = harness.encode(survey);
            harness.pipeRaw(EventTopic.CONTACT, "r1", surveyBytes);
            SpecificRecord valid = Events.contact("c2", ContactEventType.OFFERED, TopologyHarness.WALL_CLOCK_START)
                    .build();
            harness.pipe(valid);

            List<TestRecord<byte[], byte[]>> dead = harness.deadLetters(EventTopic.CONTACT);
            assertEquals(1, dead.size());
            assertArrayEquals(surveyBytes, dead.get(0).value());
            assertEquals(DeadLetterDeserializationHandler.STAGE, TopologyHarness.stage(dead.get(0)));
            assertEquals("record of topic t.contact-events is a io.vocstream.events.SurveyResponse, not a "
                    + "io.vocstream.events.ContactEvent, the type of this topic", TopologyHarness.reason(dead.get(0)));
            assertEquals(List.of(valid), passed);
        }
    }
}
