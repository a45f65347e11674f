package io.vocstream.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocstream.app.VocstreamApp;
import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.Touchpoint;
import io.vocstream.registry.EmbeddedSchemaRegistry;
import io.vocstream.runtime.EmbeddedKafka;
import io.vocstream.runtime.FreePorts;
import io.vocstream.schemas.Topics;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import io.vocstream.schemas.serde.AvroSerializer;
import io.vocstream.testing.Events;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema registry outage on the real broker: records of schemas the application has already fetched keep being
 * counted; a record whose schema it has not fetched waits (it is neither dead-lettered nor lost) and is counted once
 * the registry is back.
 */
class RegistryOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration AWAIT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;
    private EmbeddedKafka kafka;
    private EmbeddedSchemaRegistry registry;
    private VocstreamApp app;

    @AfterEach
    void stop() {
        for (AutoCloseable part : new AutoCloseable[] {app, registry, kafka}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                throw new AssertionError("stopping " + part + " failed", e);
            }
        }
    }

    private EmbeddedSchemaRegistry startRegistry(int port) {
        return EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.SCHEMAS,
                (short) 1, "127.0.0.1", port);
    }

    @Test
    @DisplayName("during an outage known schemas keep flowing; a new schema id waits for the registry, not the DLQ")
    void outageIsWaitedOut() throws Exception {
        kafka = EmbeddedKafka.start(dataDir);
        int registryPort = FreePorts.pick();
        registry = startRegistry(registryPort);
        app = VocstreamApp.start(AppConfig.from(Settings.of(Map.of(
                AppConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                AppConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AppConfig.HTTP_PORT, "0",
                AppConfig.DATA_DIR, dataDir.toString(),
                // one task per topic on one thread: quick rebalances when the thread is restarted
                AppConfig.TOPICS_PARTITIONS, "1",
                AppConfig.STREAM_THREADS, "1",
                // fail fast so that the test also sees the stream thread restarted while the registry is away
                RegistryClientConfig.REQUEST_RETRIES, "0",
                EventSerdes.REGISTRY_OUTAGE_WAIT_MS, "1000"), "test")));
        Instant now = Instant.now();
        byte[] firstContact;
        byte[] secondContact;
        byte[] survey;
        try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(
                Map.of(RegistryClientConfig.URL, registry.url())));
             AvroSerializer<SpecificRecord> avro = new AvroSerializer<>(client)) {
            avro.configure(Map.of(), false);
            firstContact = avro.serialize("contact-events",
                    Events.contact("c1", ContactEventType.OFFERED, now).build());
            secondContact = avro.serialize("contact-events",
                    Events.contact("c2", ContactEventType.OFFERED, now).build());
            // registered now, but never yet read by the application
            survey = avro.serialize("survey-responses", Events.survey("r1", Touchpoint.AGENT, now).setCsat(4)
                    .build());
        }

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("contact-events", "c1", firstContact)).get();
            await("/api/v1/ingest/topics", rows -> events(rows, "contact-events") == 1);

            registry.close();
            producer.send(new ProducerRecord<>("contact-events", "c2", secondContact)).get();
            await("/api/v1/ingest/topics", rows -> events(rows, "contact-events") == 2);

            double waitsBefore = registryUnavailable("survey-responses");
            producer.send(new ProducerRecord<>("survey-responses", "r1", survey)).get();
            long deadline = System.nanoTime() + AWAIT.toNanos();
            // one count per failed try; the tries of the first 1 s wait are fewer than 6, so the stream thread was
            // restarted and tried again too
            while (registryUnavailable("survey-responses") < waitsBefore + 6 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(registryUnavailable("survey-responses") >= waitsBefore + 6, "reads waited for the registry");
            assertTrue(events(get("/api/v1/ingest/topics"), "survey-responses") <= 0,
                    "not counted (-1: the answer was a 503 while the restarted thread takes its tasks back)");

            registry = startRegistry(registryPort);
            await("/api/v1/ingest/topics", rows -> events(rows, "survey-responses") == 1);
        }
        assertEquals(0, deadLetters("survey-responses"), "an outage is not the record's fault");
        assertEquals(0, deadLetters("contact-events"));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.httpPort()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    }

    private void await(String path, Predicate<JsonNode> accepted) throws Exception {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (last != null && accepted.test(last)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not answer as expected within " + AWAIT + "; last: " + last);
    }

    private static long events(JsonNode rows, String topic) {
        if (rows == null) {
            return -1;
        }
        for (JsonNode row : rows) {
            if (row.get("topic").asText().equals(topic)) {
                return row.get("events").asLong();
            }
        }
        return -1;
    }

    private double registryUnavailable(String topic) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.httpPort()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("vocstream_schema_registry_unavailable_total\\{topic=\"" + topic + "\",} (\\S+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private int deadLetters(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "isolation.level", "read_committed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.dlqOf(topic)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int count = 0;
            for (int i = 0; i < 4; i++) {
                count += consumer.poll(Duration.ofMillis(500)).count();
            }
            return count;
        }
    }
}
