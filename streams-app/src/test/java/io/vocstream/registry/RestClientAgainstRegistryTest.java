package io.vocstream.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.events.SurveyResponse;
import io.vocstream.events.Touchpoint;
import io.vocstream.runtime.EmbeddedKafka;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import io.vocstream.schemas.registry.RegisteredSchema;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import io.vocstream.schemas.registry.SchemaRegistryClient;
import io.vocstream.schemas.registry.SchemaRegistryException;
import io.vocstream.schemas.serde.GenericAvroSerde;
import io.vocstream.schemas.serde.SpecificAvroSerde;
import io.vocstream.testing.Events;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's registry client and serdes against the project's registry server, over real HTTP, on a real broker. */
class RestClientAgainstRegistryTest {
    @TempDir
    static Path kafkaDir;
    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;
    private static RestSchemaRegistryClient client;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start(kafkaDir);
        registry = EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", kafka.bootstrapServers()), "_schemas",
                (short) 1, "127.0.0.1", 0);
        client = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(
                Map.of("schema.registry.url", registry.url())));
    }

    @AfterAll
    static void stop() {
        client.close();
        registry.close();
        kafka.close();
    }

    @Test
    @DisplayName("every event schema registers once; ids, lookups and latest versions agree")
    void registersEventSchemas() {
        for (EventTopic topic : EventTopic.values()) {
            String subject = topic.topicName("") + "-value";
            int id = client.register(subject, topic.schema());
            assertEquals(id, client.register(subject, topic.schema()), "same schema, same id");
            assertEquals(id, client.idOf(subject, topic.schema()));
            assertEquals(topic.schema(), client.schemaById(id));
            RegisteredSchema latest = client.latest(subject);
            assertEquals(new RegisteredSchema(subject, 1, id, topic.schema()), latest);
        }
    }

    @Test
    @DisplayName("the registry's refusals reach the caller with their error codes")
    void errorsCarryRegistryCodes() {
        Schema v1 = SchemaBuilder.record("Probe").namespace("io.vocstream.test").fields()
                .requiredString("id").endRecord();
        Schema incompatible = SchemaBuilder.record("Probe").namespace("io.vocstream.test").fields()
                .requiredString("id").requiredInt("priority").endRecord();
        client.register("probe-value", v1);

        SchemaRegistryException conflict = assertThrows(SchemaRegistryException.class,
                () -> client.register("probe-value", incompatible));
        assertEquals(409, conflict.errorCode());
        assertEquals(SchemaRegistryException.SCHEMA_NOT_FOUND,
                assertThrows(SchemaRegistryException.class, () -> client.schemaById(987_654)).errorCode());
        assertEquals(SchemaRegistryException.SUBJECT_NOT_FOUND,
                assertThrows(SchemaRegistryException.class, () -> client.latest("no-such-subject")).errorCode());
        assertEquals(SchemaRegistryException.SCHEMA_NOT_FOUND,
                assertThrows(SchemaRegistryException.class, () -> client.idOf("probe-value", incompatible)).errorCode());
    }

    @Test
    @DisplayName("compatibility checks follow the subject's rule, and the in-memory client agrees with the registry")
    void compatibilityChecks() {
        Schema v1 = SchemaBuilder.record("Visit").namespace("io.vocstream.test").fields()
                .requiredString("id").endRecord();
        Schema withDefault = SchemaBuilder.record("Visit").namespace("io.vocstream.test").fields()
                .requiredString("id").name("late").type().booleanType().booleanDefault(false).endRecord();
        Schema withoutDefault = SchemaBuilder.record("Visit").namespace("io.vocstream.test").fields()
                .requiredString("id").requiredBoolean("late").endRecord();
        InMemorySchemaRegistryClient inMemory = new InMemorySchemaRegistryClient();
        for (SchemaRegistryClient c : List.of(client, inMemory)) {
            assertTrue(c.isCompatible("visits-value", withoutDefault), "a subject without versions accepts anything");
            c.register("visits-value", v1);
            assertTrue(c.isCompatible("visits-value", withDefault), "a new field with a default is BACKWARD");
            assertFalse(c.isCompatible("visits-value", withoutDefault), "a new field without one is not");
        }
    }

    @Test
    @DisplayName("records whose schemas are cached still decode while the registry is down")
    void cachedSchemasOutliveTheRegistry() {
        SurveyResponse response = Events.survey("r-2", Touchpoint.REPAIR, Instant.parse("2026-11-23T11:00:00Z"))
                .setCsat(2).build();
        EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), "_schemas", (short) 1, "127.0.0.1", 0);
        try (RestSchemaRegistryClient cachingClient = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(
                Map.of("schema.registry.url", second.url(), "schema.registry.request.retries", "0")));
             SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>(cachingClient)) {
            serde.configure(Map.of(), false);
            byte[] bytes = serde.serializer().serialize("survey-responses", response);
            serde.deserializer().deserialize("survey-responses", bytes);
            second.close();

            assertEquals(response, serde.deserializer().deserialize("survey-responses", bytes));
            assertArrayEquals(bytes, serde.serializer().serialize("survey-responses", response));
            assertThrows(SchemaRegistryException.class, () -> cachingClient.latest("survey-responses-value"),
                    "uncached questions do reach the (stopped) registry");
        }
    }

    @Test
    @DisplayName("a survey response survives the wire format through the real registry")
    void specificRoundTrip() {
        SurveyResponse response = Events.survey("r-1", Touchpoint.AGENT, Instant.parse("2026-11-23T10:15:30.123Z"))
                .setCsat(4).setNps(9).setComment("quick and friendly").build();
        try (SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>(client)) {
            serde.configure(Map.of(), false);
            byte[] bytes = serde.serializer().serialize("survey-responses", response);
            assertEquals(client.idOf("survey-responses-value", response.getSchema()),
                    java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt(), "the header carries the registered id");
            assertEquals(response, serde.deserializer().deserialize("survey-responses", bytes));
        }
    }

    @Test
    @DisplayName("a backward-compatible evolution registers as a new schema, and records written before it still decode")
    void schemaEvolution() {
        Schema v1 = SchemaBuilder.record("Reading").namespace("io.vocstream.test").fields()
                .requiredString("id").endRecord();
        Schema v2 = SchemaBuilder.record("Reading").namespace("io.vocstream.test").fields()
                .requiredString("id").name("unit").type().stringType().stringDefault("kWh").endRecord();
        try (GenericAvroSerde serde = new GenericAvroSerde(client)) {
            serde.configure(Map.of(), false);
            GenericRecord old = new GenericData.Record(v1);
            old.put("id", "m-1");
            byte[] written = serde.serializer().serialize("readings", old);
            int v2Id = client.register("readings-value", v2);
            assertNotEquals(client.idOf("readings-value", v1), v2Id, "the evolution is a new schema");
            GenericRecord read = serde.deserializer().deserialize("readings", written);
            assertEquals("m-1", read.get("id").toString());
            assertEquals(v1, read.getSchema(), "a generic reader reads with the writer's schema");
        }
    }
}
