package io.vocstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.events.ContactEvent;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RegistryTestServer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpecificAvroSerdeTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    private SpecificAvroSerde<SpecificRecord> serde() {
        SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>(registry);
        serde.configure(Map.of(), false);
        return serde;
    }

    private SpecificRecord roundTrip(String topic, SpecificRecord event) {
        SpecificAvroSerde<SpecificRecord> serde = serde();
        return serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, event));
    }

    @ParameterizedTest
    @EnumSource(EventTopic.class)
    void everyEventTypeWithEveryFieldSetSurvivesTheRoundTrip(EventTopic topic) {
        SpecificRecord event = EventSamples.withEveryField(topic);
        for (Schema.Field field : topic.schema().getFields()) {
            assertNotNull(event.get(field.pos()), field.name());
        }

        SpecificRecord read = roundTrip(topic.baseName(), event);

        assertSame(topic.recordClass(), read.getClass());
        assertEquals(event, read);
    }
    @ParameterizedTest
    @EnumSource(EventTopic.class)
    void everyEventTypeWithOptionalFieldsUnsetSurvivesTheRoundTrip(EventTopic topic) {
        SpecificRecord event = EventSamples.withRequiredFieldsOnly(topic);

        SpecificRecord read = roundTrip(topic.baseName(), event);

        assertSame(topic.recordClass(), read.getClass());
        assertEquals(event, read);
        for (Schema.Field field : topic.schema().getFields()) {
            if (field.schema().isNullable()) {
                assertNull(read.get(field.pos()), field.name());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventTopic.class)
    void theSchemaIsRegisteredUnderTheTopicsValueSubject(EventTopic topic) {
        serde().serializer().serialize(topic.baseName(), EventSamples.withEveryField(topic));

        assertEquals(topic.schema(), registry.latest(topic.baseName() + "-value").schema());
    }

    @Test
    void nullStaysNull() {
        SpecificAvroSerde<SpecificRecord> serde = serde();

        assertNull(serde.serializer().serialize("contact-events", null));
        assertNull(serde.deserializer().deserialize("contact-events", null));
    }
    @Test
    void configuredByClassNameItTalksToTheRegistryInTheSettings() {
        try (RegistryTestServer server = RegistryTestServer.start();
                SpecificAvroSerde<ContactEvent> serde = new SpecificAvroSerde<>()) {
            serde.configure(Map.of(RegistryClientConfig.URL, server.url()), false);
            ContactEvent event = (ContactEvent) EventSamples.withEveryField(EventTopic.CONTACT);

            ContactEvent read = serde.deserializer().deserialize("contact-events",
                    serde.serializer().serialize("contact-events", event));

            assertEquals(event, read);
            assertEquals(ContactEvent.getClassSchema(), server.registry().latest("contact-events-value").schema());
            assertTrue(server.requests().stream()
                    .anyMatch(r -> r.rawPath().equals("/subjects/contact-events-value/versions")));
        }
    }

    @Test
    void configuredByClassNameWithoutARegistryUrlItNamesTheMissingSetting() {
        try (SpecificAvroSerde<ContactEvent> serde = new SpecificAvroSerde<>()) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> serde.configure(Map.of("auto.register.schemas", "true"), false));

            assertTrue(e.getMessage().contains(RegistryClientConfig.URL), e.getMessage());
        }
    }
}
