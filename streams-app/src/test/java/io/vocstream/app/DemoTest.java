package io.vocstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocstream.config.ConfigException;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import io.vocstream.schemas.serde.AvroDeserializer;
import io.vocstream.schemas.serde.AvroSerializer;
import io.vocstream.testing.Events;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default end to end: broker, registry, application, HTTP and simulator in one process. */
class DemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("demo serves /health, carries events from producer through registry and broker to the API, and keeps them across a restart")
    void demoEndToEnd() throws Exception {
        long startedAt = System.nanoTime();
        long contactsBefore;
        try (Demo demo = Demo.start(options(true))) {
            String base = "http://localhost:" + demo.httpPort();
            await(base + "/health", body -> true, Duration.ofSeconds(60));
            System.out.printf("demo answered /health %d ms after start%n",
                    Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
            await(base + "/ready", body -> true, Duration.ofSeconds(60));

            ContactEvent written = Events.contact("c-" + UUID.randomUUID(), ContactEventType.OFFERED,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
            RecordMetadata at = produce(demo, written);
            assertEquals(written, consumeAt(demo, at));

            // the simulator feeds all six topics; our own event is counted with them
            JsonNode rows = await(base + "/api/v1/ingest/topics",
                    body -> count(body, EventTopic.CONTACT) > 0 && count(body, EventTopic.AGENT) > 0,
                    Duration.ofSeconds(60));
            contactsBefore = count(rows, EventTopic.CONTACT);
        }
        try (Demo restarted = Demo.start(options(false))) {
            String base = "http://localhost:" + restarted.httpPort();
            JsonNode rows = await(base + "/api/v1/ingest/topics",
                    body -> count(body, EventTopic.CONTACT) >= contactsBefore, Duration.ofSeconds(60));
            assertTrue(count(rows, EventTopic.CONTACT) >= contactsBefore, "counts survive a restart: " + rows);
        }
    }

    @Test
    @DisplayName("a port already in use stops the demo with a message naming the option")
    void portInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            Demo.Options options = new Demo.Options(dataDir, taken.getLocalPort(), 0, 0, false, 1L, 1.0, Map.of());
            ConfigException e = assertThrows(ConfigException.class, () -> Demo.start(options));
            assertTrue(e.getMessage().contains("--http-port") && e.getMessage().contains("in use"), e.getMessage());
        }
    }

    private Demo.Options options(boolean simulate) {
        return new Demo.Options(dataDir, 0, 0, 0, simulate, 42L, 2.0, Map.of());
    }

    private static long count(JsonNode rows, EventTopic topic) {
        for (JsonNode row : rows) {
            if (row.get("topic").asText().equals(topic.baseName())) {
                return row.get("events").asLong();
            }
        }
        throw new AssertionError("no row for " + topic + " in " + rows);
    }

    private static RecordMetadata produce(Demo demo, ContactEvent event) throws Exception {
        try (RestSchemaRegistryClient registry = registryClient(demo);
             KafkaProducer<String, ContactEvent> producer = new KafkaProducer<>(
                     Map.of("bootstrap.servers", demo.bootstrapServers()), new StringSerializer(),
                     new AvroSerializer<>(registry))) {
            return producer.send(new ProducerRecord<>(EventTopic.CONTACT.topicName(""), event.getContactId(), event))
                    .get();
        }
    }

    private static Object consumeAt(Demo demo, RecordMetadata at) {
        AvroDeserializer<Object> values;
        try (RestSchemaRegistryClient registry = registryClient(demo);
             KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(
                     Map.of("bootstrap.servers", demo.bootstrapServers()), new StringDeserializer(),
                     values = new AvroDeserializer<>(registry))) {
            values.configure(Map.of("specific.avro.reader", true), false);
            TopicPartition partition = new TopicPartition(at.topic(), at.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, at.offset());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Object> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == at.offset()) {
                        return r.value();
                    }
                }
            }
            throw new AssertionError("record at " + at + " not read back");
        }
    }

    private static RestSchemaRegistryClient registryClient(Demo demo) {
        return new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(
                Map.of("schema.registry.url", demo.registryUrl())));
    }

    /** Polls {@code url} until it answers 200 with a body {@code accepted} accepts. */
    private JsonNode await(String url, Predicate<JsonNode> accepted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200) {
                    JsonNode body = JSON.readTree(r.body());
                    if (accepted.test(body)) {
                        return body;
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(url + " did not answer as expected within " + timeout + "; last: " + last);
    }
}
