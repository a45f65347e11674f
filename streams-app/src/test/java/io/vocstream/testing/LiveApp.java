package io.vocstream.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocstream.app.Demo;
import io.vocstream.producers.sink.EventSink;
import io.vocstream.producers.sink.KafkaEventSink;
import io.vocstream.schemas.EventTopic;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import io.vocstream.schemas.serde.AvroSerializer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole application on an embedded broker and schema registry (the demo without its simulator, topics with the
 * default partition count), fed by a real producer and asked over HTTP by a real client.
 */
public final class LiveApp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Long enough for a first rebalance of every capability's tasks on a machine shared with other builds. */
    private static final Duration AWAIT = Duration.ofSeconds(120);

    private final Demo demo;

    private LiveApp(Demo demo) {
        this.demo = demo;
    }

    /** @param settings application settings on top of the defaults (e.g. {@code time.zone}) */
    public static LiveApp start(Path dataDir, Map<String, String> settings) {
        return new LiveApp(Demo.start(new Demo.Options(dataDir, 0, 0, 0, false, 1L, 1.0, settings)));
    }

    /**
     * Produces each event to its input topic, keyed by its entity id as the producers do.
     *
     * @return the partition each event was written to, in order
     */
    public List<Integer> produce(SpecificRecord... events) throws Exception {
        List<Integer> partitions = new ArrayList<>(events.length);
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(
                Map.of("schema.registry.url", demo.registryUrl())));
             KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                     Map.of("bootstrap.servers", demo.bootstrapServers()), new StringSerializer(),
                     new AvroSerializer<>(registry))) {
            for (SpecificRecord event : events) {
                EventTopic topic = EventTopic.of(event);
                partitions.add(producer.send(new ProducerRecord<>(topic.topicName(""), topic.keyOf(event), event))
                        .get().partition());
            }
        }
        return partitions;
    }

    /** A sink into the input topics that publishes as the producers do (closing it flushes). */
    public EventSink eventSink() {
        return KafkaEventSink.create(Map.of("bootstrap.servers", demo.bootstrapServers(),
                "schema.registry.url", demo.registryUrl()), "");
    }

    public String bootstrapServers() {
        return demo.bootstrapServers();
    }

    /** The address of {@code path} on the application's HTTP server, for a client of its own (a browser). */
    public String url(String path) {
        return "http://localhost:" + demo.httpPort() + path;
    }

    public String registryUrl() {
        return demo.registryUrl();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return api().get(path);
    }

    /** The body of {@code path} once it answers 200 with a body {@code accepted} accepts (the app is eventually consistent). */
    public JsonNode await(String path, Predicate<JsonNode> accepted) throws Exception {
        return api().await(path, accepted, AWAIT);
    }

    private ApiClient api() {
        return new ApiClient(demo.httpPort());
    }

    /** Asserts that {@code path} is a 400 naming {@code parameter}. */
    public void assertBadParameter(String path, String parameter) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(400, r.statusCode(), path + ": " + r.body());
        assertEquals("bad parameter '" + parameter + "'", JSON.readTree(r.body()).get("error").asText(), path);
    }

    public static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    @Override
    public void close() {
        demo.close();
    }
}
