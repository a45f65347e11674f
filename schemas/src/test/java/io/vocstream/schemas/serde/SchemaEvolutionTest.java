package io.vocstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.events.Channel;
import io.vocstream.events.RepairEvent;
import io.vocstream.events.RepairEventType;
import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.Test;

/** Records written before a field was added are read by the current generated class with the field's default. */
class SchemaEvolutionTest {
    /** RepairEvent as an older producer knew it: without the "channel" field, which now defaults to FIELD. */
    private static final Schema REPAIR_EVENT_WITHOUT_CHANNEL = withoutField(RepairEvent.getClassSchema(), "channel");

    private static Schema withoutField(Schema schema, String removed) {
        List<Schema.Field> fields = schema.getFields().stream().filter(f -> !f.name().equals(removed))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
    @Test
    void aFieldMissingFromTheWritersSchemaGetsItsDefault() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        GenericRecord old = new GenericRecordBuilder(REPAIR_EVENT_WITHOUT_CHANNEL)
                .set("eventId", "e-1")
                .set("eventTime", 1_700_000_000_000L)
                .set("workOrderId", "wo-1")
                .set("type", new GenericData.EnumSymbol(
                        REPAIR_EVENT_WITHOUT_CHANNEL.getField("type").schema(), "COMPLETED"))
                .set("category", "meter")
                .build();
        AvroSerializer<GenericRecord> oldProducer = new AvroSerializer<>(registry);
        oldProducer.configure(Map.of(), false);
        SpecificAvroSerde<RepairEvent> currentApp = new SpecificAvroSerde<>(registry);
        currentApp.configure(Map.of(), false);

        RepairEvent read = currentApp.deserializer().deserialize("repair-events",
                oldProducer.serialize("repair-events", old));

        assertEquals(Channel.FIELD, read.getChannel());
        assertEquals("wo-1", read.getWorkOrderId());
        assertEquals(RepairEventType.COMPLETED, read.getType());
        assertEquals(1_700_000_000_000L, read.getEventTime().toEpochMilli());
        assertFalse(read.getOutage());
        assertNull(read.getTechnicianId());
    }
}
