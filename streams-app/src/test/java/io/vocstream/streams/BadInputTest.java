package io.vocstream.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.Touchpoint;
import io.vocstream.schemas.Topics;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import io.vocstream.schemas.serde.AvroSerializer;
import io.vocstream.testing.Events;
import io.vocstream.testing.LiveApp;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input, as raw bytes on the real broker, lands in its topic's DLQ with the stage and reason in
 * headers and is counted; the application keeps serving, and the valid events written after the bad ones, on the
 * same partition, are counted.
 */
class BadInputTest {
    private static final String CASE_HEADER = "test.case";
    private static final String CONTACTS = "contact-events";
    private static final String SURVEYS = "survey-responses";
    /** One key for every record of a topic: one partition, so the valid events are read after the bad ones. */
    private static final String KEY = "same-partition";

    @TempDir
    static Path dataDir;
    static LiveApp app;

    @BeforeAll
    static void start() {
        app = LiveApp.start(dataDir, Map.of(
                // one partition per topic and one stream thread: the quickest start, and all this test needs
                "topics.partitions", "1", "stream.threads", "1"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A bad record: where it goes, the bytes, and what its dead letter must say. */
    private record BadRecord(String name, String topic, byte[] value, String stage, String reasonPart) {
    }

    @Test
    @DisplayName("malformed bytes, unknown schema ids, wrong types, missing and absurd fields are dead-lettered with "
            + "their reason and counted, and the valid events after them are counted")
    void everyKindOfBadInput() throws Exception {
        Instant now = Instant.now();
        Map<String, Double> deadLettersBefore = deadLetterCounts();
        List<BadRecord> bad = new ArrayList<>();
        SpecificRecord validContact;
        SpecificRecord validSurvey;
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(
                Map.of(RegistryClientConfig.URL, app.registryUrl())));
             AvroSerializer<SpecificRecord> avro = new AvroSerializer<>(registry)) {
            avro.configure(Map.of(), false);
            String decode = DeadLetterDeserializationHandler.STAGE;
            String validate = RejectedEventException.STAGE_VALIDATION;
            bad.add(new BadRecord("malformed", CONTACTS, "{\"contactId\":\"c1\"}".getBytes(StandardCharsets.UTF_8),
                    decode, "starts with byte 0x7b, not the Confluent wire-format magic byte 0x00"));
            bad.add(new BadRecord("empty", CONTACTS, new byte[0], decode,
                    "has 0 bytes, fewer than the 5-byte Confluent wire-format header"));
            bad.add(new BadRecord("unknown schema id", CONTACTS, new byte[] {0, 0, 0, 0x7f, 0x11, 2, 4}, decode,
                    "names schema id 32529, which the schema registry cannot provide"));
            byte[] aSurvey = avro.serialize(SURVEYS, Events.survey("r0", Touchpoint.AGENT, now).setCsat(4).build());
            bad.add(new BadRecord("wrong schema", CONTACTS, aSurvey, decode,
                    "is a io.vocstream.events.SurveyResponse, not a io.vocstream.events.ContactEvent"));
            bad.add(new BadRecord("missing required field", CONTACTS, withoutEventId(registry, now), decode,
                    "missing required field eventId"));
            bad.add(new BadRecord("blank id", CONTACTS, avro.serialize(CONTACTS,
                    Events.contact(" ", ContactEventType.OFFERED, now).build()), validate, "contactId is blank"));
            bad.add(new BadRecord("separator in a queue id", CONTACTS, avro.serialize(CONTACTS,
                    Events.contact("c8", ContactEventType.OFFERED, now).setQueue("sales|north").build()), validate,
                    "queue sales|north contains '|', which no queue or IVR line id may"));
            bad.add(new BadRecord("U+0000 in a dimension value", CONTACTS, avro.serialize(CONTACTS,
                    Events.contact("c9", ContactEventType.OFFERED, now).setRegion("north\u0000x").build()), validate,
                    "region contains U+0000, which no text may"));
            bad.add(new BadRecord("negative wait", CONTACTS, avro.serialize(CONTACTS,
                    Events.contact("c2", ContactEventType.ANSWERED, now).setWaitSeconds(-30.0).build()), validate,
                    "waitSeconds is -30.0, not between 0 and 604800"));
            bad.add(new BadRecord("years ahead", CONTACTS, avro.serialize(CONTACTS,
                    Events.contact("c3", ContactEventType.OFFERED, now.plus(Duration.ofDays(3 * 365))).build()),
                    validate, "is more than 5 minutes ahead of the clock"));
            bad.add(new BadRecord("years behind", CONTACTS, avro.serialize(CONTACTS,
                    Events.contact("c4", ContactEventType.OFFERED, now.minus(Duration.ofDays(3 * 365))).build()),
                    validate, "is older than events.max.age (400 days)"));
            bad.add(new BadRecord("csat 9", SURVEYS, avro.serialize(SURVEYS,
                    Events.survey("r1", Touchpoint.AGENT, now).setCsat(9).build()), validate,
                    "csat is 9, outside its scale 1..5"));

            validContact = Events.contact("c5", ContactEventType.OFFERED, now).build();
            validSurvey = Events.survey("r2", Touchpoint.AGENT, now).setCsat(5).build();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    app.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                for (BadRecord record : bad) {
                    ProducerRecord<String, byte[]> sent = new ProducerRecord<>(record.topic(), KEY, record.value());
                    sent.headers().add(CASE_HEADER, record.name().getBytes(StandardCharsets.UTF_8));
                    producer.send(sent);
                }
                producer.send(new ProducerRecord<>(CONTACTS, KEY, avro.serialize(CONTACTS, validContact)));
                producer.send(new ProducerRecord<>(SURVEYS, KEY, avro.serialize(SURVEYS, validSurvey))).get();
            }
        }

        JsonNode topics = app.await("/api/v1/ingest/topics", rows -> events(rows, CONTACTS) >= 1
                && events(rows, SURVEYS) >= 1);
        assertEquals(1, events(topics, CONTACTS), "only the valid contact event counts");
        assertEquals(1, events(topics, SURVEYS), "only the valid survey counts");

        Map<String, ConsumerRecord<byte[], byte[]>> deadLetters = readDeadLetters(bad.size());
        for (BadRecord record : bad) {
            ConsumerRecord<byte[], byte[]> dead = deadLetters.get(record.name());
            assertNotNull(dead, record.name() + " is in the DLQ");
            assertEquals(Topics.dlqOf(record.topic()), dead.topic(), record.name());
            assertArrayEquals(record.value(), dead.value(), record.name() + ": the bytes as they were read");
            assertEquals(record.stage(), header(dead, DeadLetters.HEADER_STAGE), record.name());
            assertEquals(record.topic(), header(dead, DeadLetters.HEADER_TOPIC), record.name());
            String reason = header(dead, DeadLetters.HEADER_REASON);
            assertTrue(reason.contains(record.reasonPart()), record.name() + ": " + reason);
        }

        Map<String, Double> counted = deadLetterCounts();
        for (String topic : List.of(CONTACTS, SURVEYS)) {
            for (String stage : List.of(DeadLetterDeserializationHandler.STAGE,
                    RejectedEventException.STAGE_VALIDATION)) {
                String key = topic + "/" + stage;
                long sent = bad.stream().filter(r -> r.topic().equals(topic) && r.stage().equals(stage)).count();
                assertEquals(sent, counted.getOrDefault(key, 0.0) - deadLettersBefore.getOrDefault(key, 0.0), key);
            }
        }
        assertEquals(200, app.get("/health").statusCode());
        assertEquals(200, app.get("/ready").statusCode(), "Kafka Streams is still running");
    }

    /**
     * A contact event written with a schema of the same name that lacks {@code eventId}, registered under a subject
     * of its own: what an old or foreign producer might send.
     */
    private static byte[] withoutEventId(RestSchemaRegistryClient registry, Instant now) throws Exception {
        Schema full = ContactEvent.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : full.getFields()) {
            if (!field.name().equals("eventId")) {
                fields.add(new Schema.Field(field, field.schema()));
            }
        }
        Schema withoutEventId = Schema.createRecord(full.getName(), null, full.getNamespace(), false, fields);
        int id = registry.register("bad-input-without-event-id-value", withoutEventId);
        ContactEvent complete = Events.contact("c6", ContactEventType.OFFERED, now).build();
        GenericRecord record = new GenericData.Record(withoutEventId);
        for (Schema.Field field : fields) {
            record.put(field.name(), complete.get(field.name()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        // the generated class's model: its enums and timestamp conversions
        new GenericDatumWriter<GenericRecord>(withoutEventId, SpecificData.getForClass(ContactEvent.class))
                .write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static long events(JsonNode rows, String topic) {
        for (JsonNode row : rows) {
            if (row.get("topic").asText().equals(topic)) {
                return row.get("events").asLong();
            }
        }
        throw new AssertionError("no row for " + topic + " in " + rows);
    }

    /** The dead letters of both topics by test case, read committed (the application writes transactionally). */
    private static Map<String, ConsumerRecord<byte[], byte[]>> readDeadLetters(int expected) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", app.bootstrapServers());
        settings.put("group.id", "bad-input-test");
        settings.put("auto.offset.reset", "earliest");
        settings.put("isolation.level", "read_committed");
        Map<String, ConsumerRecord<byte[], byte[]>> byCase = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.dlqOf(CONTACTS), Topics.dlqOf(SURVEYS)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (byCase.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    byCase.put(header(record, CASE_HEADER), record);
                }
            }
        }
        return byCase;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** {@code vocstream_dead_letter_records_total} from /metrics, by "topic/stage". */
    private static Map<String, Double> deadLetterCounts() throws Exception {
        Pattern sample = Pattern.compile(
                "vocstream_dead_letter_records_total\\{topic=\"([^\"]+)\",stage=\"([^\"]+)\",} (\\S+)");
        Map<String, Double> counts = new HashMap<>();
        Matcher m = sample.matcher(app.get("/metrics").body());
        while (m.find()) {
            counts.put(m.group(1) + "/" + m.group(2), Double.parseDouble(m.group(3)));
        }
        return counts;
    }
}
