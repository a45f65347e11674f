package io.vocstream.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.client.CollectorRegistry;
import io.vocstream.app.VocstreamApp;
import io.vocstream.app.VocstreamTopology;
import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.http.ApiServer;
import io.vocstream.query.InstanceRouter;
import io.vocstream.runtime.EmbeddedKafka;
import io.vocstream.runtime.FreePorts;
import io.vocstream.runtime.TopicProvisioner;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import io.vocstream.streams.EventSerdes;
import io.vocstream.testing.Events;
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
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complaint routes on a real broker and Kafka Streams instance, answered through a real HTTP client. */
class ComplaintRoutesEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("KPI rows, lifecycle and ids come back as JSON from the running application's state")
    void answersFromRunningState() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            int port = FreePorts.pick();
            AppConfig config = AppConfig.from(Settings.of(Map.of(
                    AppConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                    AppConfig.SCHEMA_REGISTRY_URL, "http://unused:8081",
                    AppConfig.DATA_DIR, dataDir.toString(),
                    AppConfig.TOPICS_PARTITIONS, "2",
                    AppConfig.STREAM_THREADS, "1",
                    AppConfig.PROCESSING_GUARANTEE, "at_least_once"), "test"));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                TopicProvisioner.ensureTopics(admin, config);
            }
            EventSerdes serdes = new EventSerdes(new InMemorySchemaRegistryClient(), Map.of());
            HostInfo self = new HostInfo("localhost", port);
            try (KafkaStreams streams = new KafkaStreams(VocstreamTopology.build(config, serdes),
                    VocstreamApp.streamsProperties(config, self));
                 ApiServer server = ApiServer.start("127.0.0.1", port, Optional::empty, new CollectorRegistry(),
                         List.of(new ComplaintRoutes(new InstanceRouter(streams, self, ApiServer.jsonMapper()),
                                 config)))) {
                streams.start();
                Instant opened = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
                produce(config, serdes,
                        Events.complaint("e2e-1", ComplaintEventType.OPENED, opened).build(),
                        Events.complaint("e2e-1", ComplaintEventType.FIRST_RESPONSE, opened.plusSeconds(600)).build(),
                        Events.complaint("e2e-2", ComplaintEventType.OPENED, opened.plusSeconds(60)).build());
                String base = "http://localhost:" + port + ComplaintRoutes.PATH;

                JsonNode rows = await(base + "?dimension=region&window=24h",
                        body -> body.size() == 1 && body.get(0).get("opened").asLong() == 2);
                JsonNode north = rows.get(0);
                assertEquals("region", north.get("dimension").asText());
                assertEquals("north", north.get("value").asText());
                assertEquals(1, north.get("firstResponseN").asLong());
                assertEquals(600, north.get("firstResponseMedianSeconds").asDouble(), 6); // within 1 %
                assertTrue(north.get("resolveMedianSeconds").isNull(), "null, not absent, with n = 0");
                assertEquals(0, north.get("resolvedN").asLong());

                JsonNode lifecycle = get(base + "/e2e-1");
                assertEquals("FIRST_RESPONSE", lifecycle.get("state").asText());
                assertEquals(2, lifecycle.get("steps").size());
                assertEquals(opened.toString(), lifecycle.get("openedAt").asText());

                JsonNode ids = get(base + "/ids?dimension=region&value=north&size=1");
                assertEquals(2, ids.get("total").asLong());
                assertEquals("e2e-2", ids.get("ids").get(0).get("complaintId").asText()); // newest first

                JsonNode backlog = get(base + "/backlog?dimension=all");
                assertEquals(2, backlog.get(0).get("open").asLong());
                assertEquals(404, send(base + "/no-such-complaint").statusCode());

                JsonNode openApi = get("http://localhost:" + port + "/api/v1/openapi.json");
                assertTrue(openApi.at("/paths/~1api~1v1~1complaints~1ids/get/parameters").isArray());
                assertTrue(openApi.at("/components/schemas/ComplaintKpiRow/properties/reopenRate/description")
                        .asText().contains("/ resolvedN"));
            }
        }
    }

    private static void produce(AppConfig config, EventSerdes serdes, SpecificRecord... events) {
        @SuppressWarnings("unchecked")
        Serializer<SpecificRecord> values =
                (Serializer<SpecificRecord>) (Serializer<?>) serdes.forTopic(EventTopic.COMPLAINT).serializer();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", config.bootstrapServers()), new StringSerializer(), values)) {
            for (SpecificRecord event : events) {
                producer.send(new ProducerRecord<>(EventTopic.COMPLAINT.topicName(config.topicPrefix()),
                        EventTopic.COMPLAINT.keyOf(event), event));
            }
        }
    }

    private HttpResponse<String> send(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String uri) throws Exception {
        HttpResponse<String> r = send(uri);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** Polls until the answer is a 200 whose body satisfies {@code done} (state is restoring or catching up). */
    private JsonNode await(String uri, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send(uri);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200 && done.test(JSON.readTree(r.body()))) {
                return JSON.readTree(r.body());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no answer satisfying the test from " + uri + "; last: " + last);
    }
}
