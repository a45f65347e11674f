package io.vocstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RegistryTestServer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class GenericAvroSerdeTest {
    private static final Schema READING = SchemaBuilder.record("MeterReading").namespace("test").fields()
            .requiredString("meterId")
            .requiredDouble("kwh")
            .name("quality").type().enumeration("Quality").symbols("MEASURED", "ESTIMATED").noDefault()
            .name("flags").type().array().items().stringType().noDefault()
            .optionalLong("previousReadingAt")
            .endRecord();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    private GenericAvroSerde serde() {
        GenericAvroSerde serde = new GenericAvroSerde(registry);
        serde.configure(Map.of(), false);
        return serde;
    }

    @Test
    void aGenericRecordSurvivesTheRoundTrip() {
        GenericRecord reading = new GenericRecordBuilder(READING)
                .set("meterId", "m-17")
                .set("kwh", 12.25)
                .set("quality", new GenericData.EnumSymbol(READING.getField("quality").schema(), "ESTIMATED"))
                .set("flags", List.of("tamper", "low-battery"))
                .set("previousReadingAt", 1_700_000_000_000L)
                .build();
        GenericAvroSerde serde = serde();

        GenericRecord read = serde.deserializer().deserialize("readings",
                serde.serializer().serialize("readings", reading));

        assertEquals(reading, read);
        assertEquals(READING, registry.latest("readings-value").schema());
    }

    @Test
    void configuredByClassNameItTalksToTheRegistryInTheSettings() {
        GenericRecord reading = new GenericRecordBuilder(READING).set("meterId", "m-1").set("kwh", 0.5)
                .set("quality", new GenericData.EnumSymbol(READING.getField("quality").schema(), "MEASURED"))
                .set("flags", List.of()).build();
        try (RegistryTestServer server = RegistryTestServer.start(); GenericAvroSerde serde = new GenericAvroSerde()) {
            serde.configure(Map.of(RegistryClientConfig.URL, server.url()), false);

            GenericRecord read = serde.deserializer().deserialize("readings",
                    serde.serializer().serialize("readings", reading));

            assertEquals(reading, read);
            assertEquals(List.of("POST /subjects/readings-value/versions", "GET /schemas/ids/1"),
                    server.requests().stream().map(r -> r.method() + " " + r.rawPath()).toList());
        }
    }

    @Test
    void anEventWrittenFromItsGeneratedClassIsReadAsAGenericRecord() {
        SpecificRecord event = EventSamples.withEveryField(EventTopic.REPAIR);
        SpecificAvroSerde<SpecificRecord> writer = new SpecificAvroSerde<>(registry);
        writer.configure(Map.of(), false);

        // GenericAvroSerde forces specific.avro.reader off even when the settings turn it on.
        GenericAvroSerde reader = new GenericAvroSerde(registry);
        reader.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        Object read = reader.deserializer().deserialize("repair-events",
                writer.serializer().serialize("repair-events", event));

        GenericRecord generic = assertInstanceOf(GenericData.Record.class, read);
        assertEquals("workOrderId-value", generic.get("workOrderId").toString());
        assertEquals(7, generic.get("customersAffected"));
        assertEquals(EventSamples.TIME.toEpochMilli(), generic.get("eventTime"));
        assertEquals("DISPATCHED", generic.get("type").toString()); // the second symbol
    }
}
