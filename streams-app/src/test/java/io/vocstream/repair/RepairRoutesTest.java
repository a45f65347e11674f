package io.vocstream.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.client.CollectorRegistry;
import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import io.vocstream.http.ApiServer;
import io.vocstream.query.InstanceRouter;
import io.vocstream.schemas.registry.InMemorySchemaRegistryClient;
import io.vocstream.streams.EventRules;
import io.vocstream.streams.EventSerdes;
import io.vocstream.streams.InputStreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The repair routes through a real HTTP client, over a real (not started) Kafka Streams instance: parameters are
 * checked before any state is read, and valid queries reach the state (unqueryable until the instance runs).
 */
class RepairRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path stateDir;
    private KafkaStreams streams;
    private ApiServer server;

    @BeforeEach
    void start() {
        AppConfig config = AppConfig.from(Settings.of(Map.of(
                AppConfig.BOOTSTRAP_SERVERS, "localhost:9",
                AppConfig.SCHEMA_REGISTRY_URL, "http://localhost:9"), "test"));
        StreamsBuilder builder = new StreamsBuilder();
        InputStreams inputs = InputStreams.build(builder, "", new EventSerdes(new InMemorySchemaRegistryClient(),
                Map.of()), new EventRules(config.eventsMaxAge()), config.eventsGrace());
        RepairTopology.build(builder, inputs, config);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "repair-routes-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        streams = new KafkaStreams(builder.build(), props);
        InstanceRouter router = new InstanceRouter(streams, new HostInfo("localhost", 1), ApiServer.jsonMapper());
        server = ApiServer.start("127.0.0.1", 0, Optional::empty, new CollectorRegistry(),
                List.of(new RepairRoutes(router, config)));
    }

    @AfterEach
    void stop() {
        server.close();
        streams.close();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("/api/v1/repairs?dimension=galaxy", "dimension"),
                Arguments.of("/api/v1/repairs?window=2h", "window"),
                Arguments.of("/api/v1/repairs?at=yesterday", "at"),
                Arguments.of("/api/v1/repairs/slices/planet/mars", "dimension"),
                Arguments.of("/api/v1/repairs/open?dimension=customer", "dimension"),
                Arguments.of("/api/v1/repairs/series/all/all?step=5m", "step"),
                Arguments.of("/api/v1/repairs/series/all/all?window=7d&step=1m", "step"),
                Arguments.of("/api/v1/repairs/orders?dimension=region", "value"),
                Arguments.of("/api/v1/repairs/orders?filter=lost", "filter"),
                Arguments.of("/api/v1/repairs/orders?limit=0", "limit"),
                Arguments.of("/api/v1/repairs/orders?offset=-1", "offset"));
    }

    @ParameterizedTest(name = "{0} is a 400 naming ''{1}''")
    @MethodSource("badRequests")
    void badParametersAreNamed(String path, String parameter) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("bad parameter '" + parameter + "'", JSON.readTree(r.body()).get("error").asText());
    }

    @Test
    @DisplayName("a valid query reaches the state stores: 503 with Retry-After while Kafka Streams is not running")
    void validQueryReachesTheState() throws Exception {
        for (String path : List.of("/api/v1/repairs?dimension=region&window=7d", "/api/v1/repairs/open",
                "/api/v1/repairs/series/region/north?window=7d&step=1h",
                "/api/v1/repairs/orders/w1", "/api/v1/repairs/orders?filter=late")) {
            HttpResponse<String> r = get(path);
            assertEquals(503, r.statusCode(), path + ": " + r.body());
            assertTrue(r.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    @DisplayName("the OpenAPI document has every repair route and describes every field of every repair row")
    void openApiDescribesEveryField() throws Exception {
        JsonNode doc = JSON.readTree(get("/api/v1/openapi.json").body());
        for (String path : List.of("/api/v1/repairs", "/api/v1/repairs/slices/{dimension}/{value}",
                "/api/v1/repairs/series/{dimension}/{value}", "/api/v1/repairs/open", "/api/v1/repairs/orders",
                "/api/v1/repairs/orders/{workOrderId}")) {
            assertTrue(doc.path("paths").has(path), path);
        }
        JsonNode schemas = doc.path("components").path("schemas");
        Map<String, Class<? extends Record>> rows = Map.of(
                "RepairFigures", RepairFigures.class,
                "RepairOpenFigures", RepairQueries.OpenFigures.class,
                "RepairOrderSummary", RepairQueries.OrderSummary.class,
                "RepairLifecycle", RepairQueries.Lifecycle.class);
        rows.forEach((schema, type) -> Arrays.stream(type.getRecordComponents()).forEach(c ->
                assertTrue(schemas.path(schema).path("properties").has(c.getName()), schema + "." + c.getName())));
        schemas.path("RepairFigures").path("properties").fields().forEachRemaining(f -> assertTrue(
                f.getValue().path("description").asText().length() > 0, "RepairFigures." + f.getKey()));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
