package io.vocstream.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.client.CollectorRegistry;
import io.vocstream.http.ApiServer;
import io.vocstream.testing.ApiClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router's answers while state cannot be read, behind the real HTTP server, over a real Kafka Streams instance
 * whose broker does not exist: started, it stays in REBALANCING, as during a rebalance that does not end in time.
 */
class InstanceRouterTest {
    private static final String STORE = "counts";
    private static final String PATH = "/counts";
    /** How a 503 says that it was retried until the patience ran out. */
    private static final String RETRIED = "ms of retries";

    @TempDir
    Path stateDir;
    private KafkaStreams streams;
    private ApiServer server;
    private ApiClient api;

    @BeforeEach
    void serve() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("input", Materialized.as(STORE));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "router-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        streams = new KafkaStreams(builder.build(), props);
        InstanceRouter router = new InstanceRouter(streams, new HostInfo("localhost", 1), ApiServer.jsonMapper());
        server = ApiServer.start("127.0.0.1", 0, Optional::empty, new CollectorRegistry(),
                List.of(routes -> routes.get(PATH, ctx -> router.answer(ctx, List.of(STORE), String.class, () -> {
                    ReadOnlyKeyValueStore<Object, Object> counts = router.localStore(STORE,
                            QueryableStoreTypes.keyValueStore());
                    return List.of(String.valueOf(counts.approximateNumEntries()));
                }, partials -> partials))));
        api = new ApiClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        streams.close(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("an instance that is not started answers 503 with Retry-After at once")
    void notStarted() throws Exception {
        String detail = assertUnavailable(api.get(PATH), "CREATED");
        assertFalse(detail.contains(RETRIED), "no waiting for what will not come: " + detail);
    }

    @Test
    @DisplayName("during a rebalance a query waits for it to end, and answers 503 with Retry-After when it does not")
    void rebalanceThatDoesNotEnd() throws Exception {
        streams.start();
        assertEquals(KafkaStreams.State.REBALANCING, streams.state());
        long started = System.nanoTime();
        HttpResponse<String> r = api.get(PATH);
        long waited = System.nanoTime() - started;
        String detail = assertUnavailable(r, "REBALANCING");
        assertTrue(detail.contains(RETRIED), detail);
        // the last backoff that would overrun the patience is not slept
        assertTrue(waited >= InstanceRouter.PATIENCE.minusMillis(800).toNanos(), "waited " + waited / 1_000_000 + " ms");
    }

    @Test
    @DisplayName("a fan-out leg does not wait: the instance that asked retries the whole answer")
    void legDoesNotWait() throws Exception {
        streams.start();
        String detail = assertUnavailable(api.get(PATH + "?scope=local"), "REBALANCING");
        assertFalse(detail.contains(RETRIED), detail);
    }

    @Test
    @DisplayName("a fan-out leg is the same query with scope=local in place of any scope, parameters encoded")
    void legQuery() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("dimension", List.of("region"));
        params.put("scope", List.of("all"));
        params.put("at", List.of("2026-03-29T01:30:00+01:00"));
        params.put("queue", List.of("a b", "c&d"));
        assertEquals("dimension=region&at=2026-03-29T01%3A30%3A00%2B01%3A00&queue=a+b&queue=c%26d&scope=local",
                InstanceRouter.localQuery(params));
        assertEquals("scope=local", InstanceRouter.localQuery(Map.of()));
    }

    /** Asserts a 503 with Retry-After naming the state, and returns its detail. */
    private static String assertUnavailable(HttpResponse<String> r, String state) throws Exception {
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("2", r.headers().firstValue("Retry-After").orElseThrow());
        JsonNode body = ApiClient.json(r.body());
        assertEquals("unavailable", body.get("error").asText());
        assertTrue(body.get("detail").asText().contains(state), body.toString());
        return body.get("detail").asText();
    }
}
