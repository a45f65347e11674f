package io.vocstream.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The HTTP server's own endpoints and error shape, through a real HTTP client. */
class ApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<Optional<String>> notReady = new AtomicReference<>(Optional.empty());
    private final CollectorRegistry metrics = new CollectorRegistry();
    private ApiServer server;

    @BeforeEach
    void start() {
        Counter.build().name("probe_total").help("a probe").register(metrics).inc(3);
        ApiRoutes probe = routes -> routes.get("/api/v1/probe", ctx -> {
            String window = ctx.queryParam("window");
            if (!"1h".equals(window)) {
                throw new BadParameterException("window", "must be 1h, got '" + window + "'");
            }
            ctx.json(Map.of("window", window));
        });
        server = ApiServer.start("127.0.0.1", 0, notReady::get, metrics, List.of(probe));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("/health is up; /ready answers 503 with Retry-After and the reason until ready, then 200")
    void healthAndReadiness() throws Exception {
        assertEquals(200, get("/health").statusCode());
        notReady.set(Optional.of("Kafka Streams is REBALANCING, not RUNNING"));
        HttpResponse<String> waiting = get("/ready");
        assertEquals(503, waiting.statusCode());
        assertTrue(waiting.headers().firstValue("Retry-After").isPresent());
        assertEquals("Kafka Streams is REBALANCING, not RUNNING", body(waiting).get("detail").asText());
        notReady.set(Optional.empty());
        assertEquals(200, get("/ready").statusCode());
    }

    @Test
    @DisplayName("/metrics is Prometheus text with the registered samples")
    void metrics() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(r.body().contains("probe_total 3.0"), r.body());
    }

    @Test
    @DisplayName("the OpenAPI document is served as JSON")
    void openApi() throws Exception {
        HttpResponse<String> r = get("/api/v1/openapi.json");
        assertEquals(200, r.statusCode());
        assertTrue(body(r).get("openapi").asText().startsWith("3."));
    }

    @Test
    @DisplayName("a bad parameter is a 400 whose error names it; an unknown path is a JSON 404")
    void errorsAreJson() throws Exception {
        HttpResponse<String> bad = get("/api/v1/probe?window=2y");
        assertEquals(400, bad.statusCode());
        assertEquals("bad parameter 'window'", body(bad).get("error").asText());
        assertTrue(body(bad).get("detail").asText().contains("2y"));
        assertEquals(200, get("/api/v1/probe?window=1h").statusCode());

        HttpResponse<String> missing = get("/api/v1/nothing-here");
        assertEquals(404, missing.statusCode());
        assertEquals("not found", body(missing).get("error").asText());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
