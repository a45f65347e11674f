package io.vocstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.events.ContactEvent;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerializerTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SpecificRecord event = EventSamples.withEveryField(EventTopic.CONTACT);

    private AvroSerializer<SpecificRecord> serializer(boolean autoRegister) {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, autoRegister), false);
        return serializer;
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaFailsNamingTheSubject() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> serializer(false).serialize("contact-events", event));

        assertTrue(e.getMessage().contains("cannot find the schema of io.vocstream.events.ContactEvent"),
                e.getMessage());
        assertTrue(e.getMessage().contains("under subject contact-events-value"), e.getMessage());
    }

    @Test
    void withoutAutoRegistrationARegisteredSchemaIsUsedWithoutAddingAVersion() {
        int id = registry.register("contact-events-value", ContactEvent.getClassSchema());

        byte[] bytes = serializer(false).serialize("contact-events", event);

        assertEquals(id, ByteBuffer.wrap(bytes, 1, 4).getInt());
        assertEquals(1, registry.latest("contact-events-value").version());
    }

    @Test
    void withAutoRegistrationTheSchemaIsRegisteredOnFirstUse() {
        byte[] bytes = serializer(true).serialize("contact-events", event);

        assertEquals(ContactEvent.getClassSchema(), registry.latest("contact-events-value").schema());
        assertEquals(registry.latest("contact-events-value").id(), ByteBuffer.wrap(bytes, 1, 4).getInt());
    }
}
