package io.vocstream.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.client.CollectorRegistry;
import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import io.vocstream.http.ApiServer;
import io.vocstream.query.InstanceRouter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The complaint routes behind the real HTTP server, through a real client. Parameters are checked before any state
 * is read, so a Kafka Streams instance that has not started (and holds no state) is enough to see every refusal.
 */
class ComplaintRoutesHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final KafkaStreams streams;
    private final ApiServer server;

    ComplaintRoutesHttpTest() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("unused");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "complaint-routes-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        streams = new KafkaStreams(builder.build(), props);
        AppConfig config = AppConfig.from(Settings.of(Map.of(AppConfig.BOOTSTRAP_SERVERS, "localhost:1",
                AppConfig.SCHEMA_REGISTRY_URL, "http://localhost:1"), "test"));
        InstanceRouter router = new InstanceRouter(streams, new HostInfo("localhost", 0), ApiServer.jsonMapper());
        server = ApiServer.start("127.0.0.1", 0, Optional::empty, new CollectorRegistry(),
                List.of(new ComplaintRoutes(router, config)));
    }

    @AfterEach
    void stop() {
        server.close();
        streams.close();
    }

    @ParameterizedTest(name = "{0} -> 400 naming ''{1}''")
    @CsvSource({
            "/api/v1/complaints?dimension=planet, dimension",
            "/api/v1/complaints?window=2h, window",
            "/api/v1/complaints?at=yesterday, at",
            "/api/v1/complaints/backlog?dimension=colour, dimension",
            "/api/v1/complaints/ids?dimension=region&window=24h, value",
            "/api/v1/complaints/ids?page=0, page",
            "/api/v1/complaints/ids?size=5000, size",
            "/api/v1/complaints/ids?window=1y, window",
    })
    @DisplayName("a bad parameter is a 400 whose error names it")
    void badParameters(String path, String parameter) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(400, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("bad parameter '" + parameter + "'", body.get("error").asText());
        assertTrue(body.get("detail").asText().contains(parameter), body.toString());
    }

    @Test
    @DisplayName("while the state is not queryable the answer is 503 with Retry-After, not an error of the caller")
    void unqueryableStateIsA503() throws Exception {
        HttpResponse<String> r = get("/api/v1/complaints/backlog?dimension=region&scope=local");
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Retry-After").isPresent());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
