package io.vocstream.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.schemas.EventTopic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /metrics} of the application under the simulator: what it exports, with which labels, and from where. */
@ExtendWith(SimulatedLiveApp.Resolver.class)
class MetricsEndpointTest {
    /** Every label a business, Kafka Streams or HTTP metric of vocstream may carry (docs/metrics.md). */
    private static final Set<String> LABELS =
            Set.of("dimension", "value", "queue", "state", "rule", "severity", "source", "topic", "method", "route",
                    "status", "le", "stage");

    private static PrometheusText scrape(SimulatedLiveApp app) throws Exception {
        var response = app.get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return PrometheusText.parse(response.body());
    }

    private static Map<String, Double> byLabel(PrometheusText metrics, String name, String label,
                                               Map<String, String> where) {
        return metrics.samples(name).filter(s -> where.entrySet().stream()
                        .allMatch(w -> w.getValue().equals(s.label(w.getKey()))))
                .collect(Collectors.toMap(s -> s.label(label), PrometheusText.Sample::value, (a, b) -> a,
                        TreeMap::new));
    }

    /** A gauge's values by one label, of the samples whose other labels match a filter. */
    private record Gauge(String name, String label, Map<String, String> filter) {
    }

    /** The gauges compared with the API below: each must not move between the scrapes around the answers. */
    private static final List<Gauge> COMPARED = List.of(
            new Gauge("vocstream_satisfaction_csat", "value", Map.of("dimension", "segment")),
            new Gauge("vocstream_queue_offered", "queue", Map.of()),
            new Gauge("vocstream_complaints_opened", "value", Map.of("dimension", "region")),
            new Gauge("vocstream_repair_orders_created", "value", Map.of("dimension", "region")));

    @Test
    @DisplayName("the business gauges are the JSON API's figures of the same slices")
    void gaugesAreTheApiFigures(SimulatedLiveApp app) throws Exception {
        // the rolling windows move with the clock: compare a scrape with the answers read right after it, and accept
        // the pair once a second scrape shows that nothing moved in between
        for (int attempt = 1; ; attempt++) {
            PrometheusText before = scrape(app);
            JsonNode satisfaction = app.await("/api/v1/satisfaction/slices?dimension=segment&window=1h", r -> true);
            JsonNode complaints = app.await("/api/v1/complaints?dimension=all&window=today", r -> true);
            JsonNode queues = app.await("/api/v1/queues?window=15m", r -> true);
            JsonNode repairs = app.await("/api/v1/repairs?dimension=all&window=today", r -> true);
            PrometheusText after = scrape(app);
            Map<String, Double> csatBefore = byLabel(before, "vocstream_satisfaction_csat", "value",
                    Map.of("dimension", "segment"));
            Map<String, Double> offeredBefore = byLabel(before, "vocstream_queue_offered", "queue", Map.of());
            if (COMPARED.stream().anyMatch(gauge -> !byLabel(before, gauge.name(), gauge.label(), gauge.filter())
                    .equals(byLabel(after, gauge.name(), gauge.label(), gauge.filter())))) {
                assertTrue(attempt < 5, "the figures kept moving between scrapes");
                continue;
            }
            // three segments: under the cap of 3, every one keeps its own value
            Map<String, Double> apiCsat = rows(satisfaction, "value",
                    r -> r.get("csatMean").isNull() ? null : r.get("csatMean").asDouble());
            assertEquals(apiCsat.keySet(), csatBefore.keySet());
            apiCsat.forEach((segment, csat) -> assertEquals(csat, csatBefore.get(segment), 1e-9, segment));
            // the regions, other included, add up to the whole
            assertEquals(complaints.get(0).get("opened").asDouble(), sum(byLabel(before,
                    "vocstream_complaints_opened", "value", Map.of("dimension", "region"))));
            assertEquals(repairs.get(0).get("ordersCreated").asDouble(), sum(byLabel(before,
                    "vocstream_repair_orders_created", "value", Map.of("dimension", "region"))));
            // five queues under a cap of three: the three busiest by name, and the other two added up
            Map<String, Double> apiOffered = rows(queues, "queue", r -> r.get("offered").asDouble());
            assertEquals(5, apiOffered.size(), apiOffered.toString());
            assertEquals(4, offeredBefore.size(), offeredBefore.toString());
            assertTrue(offeredBefore.containsKey(LabelCap.OTHER));
            assertEquals(sum(apiOffered), sum(offeredBefore), 1e-9);
            offeredBefore.forEach((queue, offered) -> {
                if (!queue.equals(LabelCap.OTHER)) {
                    assertEquals(apiOffered.get(queue), offered, queue);
                }
            });
            return;
        }
    }

    private static double sum(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static Map<String, Double> rows(JsonNode rows, String key, Function<JsonNode, Double> figure) {
        Map<String, Double> byKey = new TreeMap<>();
        rows.forEach(r -> {
            Double value = figure.apply(r);
            if (value != null && (!r.path("slice").isTextual() || r.get("slice").asText().equals("all"))) {
                byKey.put(r.get(key).asText(), value);
            }
        });
        return byKey;
    }

    @Test
    @DisplayName("labels are the documented ones, capped at the top values plus other, and never name an agent")
    void labelsAreBounded(SimulatedLiveApp app) throws Exception {
        PrometheusText metrics = scrape(app);
        List<PrometheusText.Sample> vocstream = metrics.samples().stream()
                .filter(s -> s.name().startsWith("vocstream_")).toList();
        Set<String> labelNames = vocstream.stream().flatMap(s -> s.labels().keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(LABELS.containsAll(labelNames), "undocumented labels: " + labelNames);

        Map<String, Set<String>> valuesPerFamilyAndDimension = new TreeMap<>();
        vocstream.stream().filter(s -> s.labels().containsKey("value") || s.labels().containsKey("queue"))
                .forEach(s -> valuesPerFamilyAndDimension.computeIfAbsent(s.name() + "/" + s.label("dimension"),
                        k -> new TreeSet<>()).add(s.labels().getOrDefault("value", s.label("queue"))));
        valuesPerFamilyAndDimension.forEach((family, values) -> assertTrue(values.size() <= SimulatedLiveApp.TOP + 1,
                family + " has more than the top " + SimulatedLiveApp.TOP + " values and other: " + values));
        // five regions in the simulated world: two of them only under other
        Set<String> regions = valuesPerFamilyAndDimension.get("vocstream_repair_open_orders/region");
        assertEquals(SimulatedLiveApp.TOP + 1, regions.size(), regions.toString());
        assertTrue(regions.contains(LabelCap.OTHER), regions.toString());

        Set<String> agents = StreamSupport.stream(app.await("/api/v1/agents?window=today", r -> r.size() > 0)
                .spliterator(), false).map(r -> r.get("agentId").asText()).collect(Collectors.toSet());
        Set<String> labelValues = vocstream.stream().flatMap(s -> s.labels().values().stream())
                .collect(Collectors.toSet());
        assertTrue(labelValues.stream().noneMatch(agents::contains), "an agent id is a label value");
    }

    @Test
    @DisplayName("every gauge source is collected, with its time")
    void everySourceCollected(SimulatedLiveApp app) throws Exception {
        PrometheusText metrics = scrape(app);
        Set<String> sources = Set.of("satisfaction", "complaints", "queues", "repair", "alerts");
        assertEquals(sources, metrics.samples("vocstream_metrics_source_up").filter(s -> s.value() == 1)
                .map(s -> s.label("source")).collect(Collectors.toSet()));
        assertEquals(sources, metrics.samples("vocstream_metrics_source_duration_seconds")
                .filter(s -> s.value() > 0).map(s -> s.label("source")).collect(Collectors.toSet()));
    }

    @Test
    @DisplayName("open alerts are counted by rule and severity, every pair present")
    void openAlerts(SimulatedLiveApp app) throws Exception {
        JsonNode open = app.await("/api/v1/alerts", r -> true);
        PrometheusText metrics = scrape(app);
        assertEquals(6, metrics.samples("vocstream_alerts_open").count());
        assertEquals(open.size(), metrics.samples("vocstream_alerts_open").mapToDouble(PrometheusText.Sample::value)
                .sum(), 1e-9);
        assertTrue(open.size() > 0, "the simulated outage raises common-issue alerts");
    }

    @Test
    @DisplayName("the Kafka Streams client: running, threads alive, records processed, lag per input topic")
    void streamsClient(SimulatedLiveApp app) throws Exception {
        PrometheusText metrics = scrape(app);
        assertEquals(1.0, byLabel(metrics, "vocstream_streams_state", "state", Map.of()).get("RUNNING"));
        assertEquals(2.0, metrics.samples("vocstream_streams_alive_threads").findFirst().orElseThrow().value());
        assertTrue(metrics.samples("vocstream_streams_processed_records_total").findFirst().orElseThrow().value()
                >= 1000);
        Set<String> lagTopics = metrics.samples("vocstream_streams_consumer_lag_records").map(s -> s.label("topic"))
                .collect(Collectors.toSet());
        for (EventTopic topic : EventTopic.values()) {
            assertTrue(lagTopics.contains(topic.topicName("")), topic + " in " + lagTopics);
        }
        assertTrue(metrics.samples("vocstream_streams_restore_remaining_records").findFirst().isPresent());
        assertTrue(metrics.samples("vocstream_streams_record_e2e_latency_max_seconds").findFirst().orElseThrow()
                .value() > 0);
    }

    @Test
    @DisplayName("JVM metrics and the process-wide counters are served with the instance's own")
    void jvmAndDeadLetters(SimulatedLiveApp app) throws Exception {
        PrometheusText metrics = scrape(app);
        assertTrue(metrics.samples("jvm_memory_bytes_used").anyMatch(s -> "heap".equals(s.label("area"))
                && s.value() > 0));
        assertTrue(metrics.samples("process_cpu_seconds_total").findFirst().isPresent());
        // the fixture's one undecodable record
        assertTrue(metrics.samples("vocstream_dead_letter_records_total").anyMatch(s ->
                "deserialization".equals(s.label("stage")) && s.value() >= 1));
    }

    @Test
    @DisplayName("HTTP latency is labelled with the route template and status, never the requested path")
    void httpLatencyByRouteTemplate(SimulatedLiveApp app) throws Exception {
        String queue = app.await("/api/v1/queues", r -> r.size() > 0).get(0).get("queue").asText();
        assertEquals(200, app.get("/api/v1/queues/" + queue).statusCode());
        assertEquals(400, app.get("/api/v1/queues/" + queue + "?window=forever").statusCode());
        assertEquals(404, app.get("/api/v1/no-such-thing/12345").statusCode());
        PrometheusText metrics = scrape(app);
        Map<String, Set<String>> statusesByRoute = new TreeMap<>();
        metrics.samples("vocstream_http_request_duration_seconds_count").forEach(s -> statusesByRoute
                .computeIfAbsent(s.label("route"), k -> new TreeSet<>()).add(s.label("status")));
        assertTrue(statusesByRoute.get("/api/v1/queues/{queue}").containsAll(Set.of("200", "400")),
                statusesByRoute.toString());
        assertTrue(statusesByRoute.get(HttpMetrics.UNMATCHED).contains("404"), statusesByRoute.toString());
        assertFalse(statusesByRoute.keySet().stream().anyMatch(route -> route.contains(queue)
                || route.contains("12345")), statusesByRoute.keySet().toString());
    }
}
