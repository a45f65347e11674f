package io.vocstream.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
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
        ApiRoutes probe = new ApiRoutes() {
            @Override
            public void addTo(RoutesConfig routes) {
                routes.get("/api/v1/probe", ctx -> ctx.json(Map.of(
                        "window", Params.oneOf(ctx, "window", "1h", List.of("1h")),
                        "limit", Params.intIn(ctx, "limit", 10, 1, 100),
                        "at", Params.instant(ctx, "at", Instant.EPOCH).toString())));
            }

            @Override
            public String openApiFragment() {
                return "/openapi/probe.json";
            }
        };
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
    @DisplayName("the OpenAPI document is served as JSON with every capability's paths and schemas merged in")
    void openApi() throws Exception {
        HttpResponse<String> r = get("/api/v1/openapi.json");
        assertEquals(200, r.statusCode());
        JsonNode document = body(r);
        assertTrue(document.get("openapi").asText().startsWith("3."));
        assertEquals("A probe", document.at("/paths/~1api~1v1~1probe/get/summary").asText());
        assertTrue(document.at("/paths/~1health").isObject(), "the base paths stay");
        assertTrue(document.at("/components/schemas/Probe").isObject());
    }

    @Test
    @DisplayName("parameters are parsed: defaults, epoch milliseconds and ISO instants; out of range is a 400")
    void parameters() throws Exception {
        assertEquals("1970-01-01T00:00:00Z", body(get("/api/v1/probe")).get("at").asText());
        assertEquals("2026-11-23T10:00:00Z", body(get("/api/v1/probe?at=1795428000000")).get("at").asText());
        assertEquals(5, body(get("/api/v1/probe?limit=5&at=2026-11-23T10:00:00Z")).get("limit").asInt());
        assertEquals("bad parameter 'limit'", body(get("/api/v1/probe?limit=0")).get("error").asText());
        assertEquals("bad parameter 'at'", body(get("/api/v1/probe?at=yesterday")).get("error").asText());
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

    @Test
    @DisplayName("a request Jetty refuses before any route (a NUL in the path) is a JSON error too")
    void refusedBeforeRoutingIsJson() throws Exception {
        HttpResponse<String> r = get("/api/v1/probe/%00");
        assertEquals(400, r.statusCode());
        assertEquals("bad request", body(r).get("error").asText());
        assertTrue(body(r).get("detail").isTextual(), r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
