package io.vocstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Every way the bytes of a record can be wrong gives a SerializationException saying which. */
class AvroDeserializerTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    private AvroDeserializer<Object> deserializer(boolean specific) {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(registry);
        deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, specific), false);
        return deserializer;
    }

    private static void assertMessageContains(SerializationException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void fewerThanFiveBytesAreNoHeader() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> deserializer(true).deserialize("contact-events", new byte[] {0, 0, 1}));

        assertMessageContains(e, "contact-events", "3 bytes", "5-byte Confluent wire-format header");
    }

    @Test
    void aFirstByteOtherThanZeroIsNoMagicByte() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> deserializer(true).deserialize("contact-events", new byte[] {0x7b, 0, 0, 0, 1, 2}));

        assertMessageContains(e, "starts with byte 0x7b", "magic byte 0x00");
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsNamed() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> deserializer(true).deserialize("contact-events", new byte[] {0, 0, 0, 0x01, 0x2c, 2, 4}));

        assertMessageContains(e, "schema id 300", "cannot provide", "Schema 300 not found");
    }

    @Test
    void aTruncatedPayloadIsNotAValidEncoding() {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        byte[] whole = serializer.serialize("contact-events", EventSamples.withEveryField(EventTopic.CONTACT));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 3);

        SerializationException e = assertThrows(SerializationException.class,
                () -> deserializer(false).deserialize("contact-events", truncated));

        assertMessageContains(e, "contact-events", "not a valid Avro encoding of schema id 1");
    }

    @Test
    void aRecordTypeWithoutAGeneratedClassCannotBeReadAsSpecific() {
        Schema unknown = SchemaBuilder.record("Unknown").namespace("elsewhere").fields().requiredInt("n")
                .endRecord();
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        byte[] bytes = serializer.serialize("misc", new GenericRecordBuilder(unknown).set("n", 1).build());

        SerializationException e = assertThrows(SerializationException.class,
                () -> deserializer(true).deserialize("misc", bytes));

        assertMessageContains(e, "elsewhere.Unknown", "no generated class");
    }
}
