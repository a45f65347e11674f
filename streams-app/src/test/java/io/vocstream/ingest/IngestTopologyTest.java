package io.vocstream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.Touchpoint;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import io.vocstream.streams.DeadLetterDeserializationHandler;
import io.vocstream.streams.DeadLetters;
import io.vocstream.streams.EventSerdes;
import io.vocstream.testing.Events;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IngestTopologyTest {
    private static final Instant T0 = Instant.parse("2026-03-29T00:30:00Z");
    private static final String PREFIX = "t.";

    private TopologyTestDriver driver;
    private EventSerdes serdes;

    @BeforeEach
    void setUp() {
        serdes = new EventSerdes(new InMemorySchemaRegistryClient(), Map.of("schema.registry.url", "mock://test"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        driver = new TopologyTestDriver(IngestTopology.build(new StreamsBuilder(), PREFIX, serdes).build(), props);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    @DisplayName("counts decodable events per topic and keeps the latest event time, whatever the arrival order")
    void countsPerTopic() {
        TestInputTopic<String, SpecificRecord> contacts = input(EventTopic.CONTACT);
        TestInputTopic<String, SpecificRecord> complaints = input(EventTopic.COMPLAINT);
        TestInputTopic<String, SpecificRecord> surveys = input(EventTopic.SURVEY);
        contacts.pipeInput("c1", Events.contact("c1", ContactEventType.OFFERED, T0.plusSeconds(60)).build());
        contacts.pipeInput("c1", Events.contact("c1", ContactEventType.ANSWERED, T0.plusSeconds(120)).build());
        // arrives last but happened first: the latest event time stays T0+120 s
        contacts.pipeInput("c2", Events.contact("c2", ContactEventType.OFFERED, T0).build());
        complaints.pipeInput("k1", Events.complaint("k1", ComplaintEventType.OPENED, T0.plusSeconds(30)).build());
        surveys.pipeInput("r1", Events.survey("r1", Touchpoint.AGENT, T0.plusSeconds(10)).setCsat(4).build());

        KeyValueStore<String, TopicActivity> store = driver.getKeyValueStore(IngestTopology.COUNTS_STORE);
        assertEquals(new TopicActivity(3, T0.plusSeconds(120).toEpochMilli()), store.get("contact-events"));
        assertEquals(new TopicActivity(1, T0.plusSeconds(30).toEpochMilli()), store.get("complaint-events"));
        assertEquals(new TopicActivity(1, T0.plusSeconds(10).toEpochMilli()), store.get("survey-responses"));
        assertNull(store.get("repair-events"));
    }

    @Test
    @DisplayName("bytes that do not decode go to <topic>.dlq unchanged, with the reason, and are not counted")
    void malformedBytesGoToDeadLetterTopic() {
        String topic = EventTopic.CONTACT.topicName(PREFIX);
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
        byte[] notAvro = "{\"contactId\":\"c9\"}".getBytes(StandardCharsets.UTF_8);
        raw.pipeInput("c9", notAvro);
        input(EventTopic.CONTACT).pipeInput("c1", Events.contact("c1", ContactEventType.OFFERED, T0).build());

        List<TestRecord<byte[], byte[]>> dead = driver.createOutputTopic(topic + ".dlq",
                new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
        assertEquals(1, dead.size());
        assertEquals("c9", new String(dead.get(0).key(), StandardCharsets.UTF_8));
        assertEquals(new String(notAvro, StandardCharsets.UTF_8), new String(dead.get(0).value(), StandardCharsets.UTF_8));
        assertEquals(DeadLetterDeserializationHandler.STAGE, header(dead.get(0), DeadLetters.HEADER_STAGE));
        String reason = header(dead.get(0), DeadLetters.HEADER_REASON);
        assertTrue(reason.contains("0x7b") && reason.contains("magic byte"), "the reason names the bad first byte: " + reason);
        assertEquals(topic, header(dead.get(0), DeadLetters.HEADER_TOPIC));

        KeyValueStore<String, TopicActivity> store = driver.getKeyValueStore(IngestTopology.COUNTS_STORE);
        assertEquals(1, store.get("contact-events").events());
    }

    private TestInputTopic<String, SpecificRecord> input(EventTopic topic) {
        @SuppressWarnings("unchecked")
        Serializer<SpecificRecord> values = (Serializer<SpecificRecord>) (Serializer<?>) serdes.forTopic(topic).serializer();
        return driver.createInputTopic(topic.topicName(PREFIX), new StringSerializer(), values);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
