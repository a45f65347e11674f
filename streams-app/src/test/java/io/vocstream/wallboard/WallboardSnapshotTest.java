package io.vocstream.wallboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocstream.wallboard.WallboardSnapshot.CategoryCount;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The board composed from given API answers: what it selects, orders and judges itself. The figures it passes through
 * unchanged are compared with the live API in {@link WallboardBrowserTest}.
 */
class WallboardSnapshotTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 10:30 on 2 March in UTC+2, whose day starts at 1 March 22:00 UTC. */
    private static final Instant NOW = Instant.parse("2026-03-02T08:30:00Z");
    private static final ZoneOffset ZONE = ZoneOffset.ofHours(2);
    private static final String TODAY_SERIES = "/api/v1/satisfaction/series?step=1h&from=2026-03-01T22:00:00Z";
    private static final Freshness FRESH = new Freshness(100, NOW, NOW, false, 60);

    private final Map<String, JsonNode> answers = new HashMap<>(Map.of(
            SnapshotComposer.QUEUES, json("""
                    [{"queue": "billing", "waiting": 3, "longestWaitSeconds": 65.9, "serviceLevel": 0.75,
                      "serviceLevelN": 8, "serviceLevelThresholdSeconds": 20, "serviceLevelTarget": 0.8},
                     {"queue": "sales", "waiting": 0, "longestWaitSeconds": null, "serviceLevel": 0.7499,
                      "serviceLevelN": 4, "serviceLevelThresholdSeconds": 30, "serviceLevelTarget": 0.8},
                     {"queue": "vip", "waiting": 1, "longestWaitSeconds": 2.0, "serviceLevel": 0.8,
                      "serviceLevelN": 5, "serviceLevelThresholdSeconds": 10, "serviceLevelTarget": 0.8},
                     {"queue": "web", "waiting": 0, "longestWaitSeconds": null, "serviceLevel": 0.5,
                      "serviceLevelN": 2, "serviceLevelThresholdSeconds": 20, "serviceLevelTarget": null},
                     {"queue": "night", "waiting": 0, "longestWaitSeconds": null, "serviceLevel": null,
                      "serviceLevelN": 0, "serviceLevelThresholdSeconds": 20, "serviceLevelTarget": 0.8}]"""),
            SnapshotComposer.ALERTS, json("""
                    [{"id": "a1", "severity": "WARNING", "status": "OPEN", "rule": "common-issue",
                      "dimension": "category=outage,region=north,feeder=F1", "observed": 3, "expected": 3.0,
                      "startTime": "2026-03-02T08:20:00Z", "updateTime": "2026-03-02T08:29:00Z"},
                     {"id": "a2", "severity": "CRITICAL", "status": "UPDATED", "rule": "poisson-spike",
                      "dimension": "all", "observed": 40, "expected": 6.5,
                      "startTime": "2026-03-02T07:00:00Z", "updateTime": "2026-03-02T08:10:00Z"},
                     {"id": "a3", "severity": "WARNING", "status": "OPEN", "rule": "poisson-spike",
                      "dimension": "category=billing,region=south", "observed": 9, "expected": 2.0,
                      "startTime": "2026-03-02T08:00:00Z", "updateTime": "2026-03-02T08:25:00Z"},
                     {"id": "a4", "severity": "CRITICAL", "status": "OPEN", "rule": "cusum-drift",
                      "dimension": "category=network_quality", "observed": 30, "expected": 12.0,
                      "startTime": "2026-03-02T06:00:00Z", "updateTime": "2026-03-02T08:15:00Z"}]"""),
            SnapshotComposer.JOURNEY, json("""
                    [{"touchpoint": "IVR", "index": 75.0, "indexN": 4, "changeFromPrevious": null, "dive": false},
                     {"touchpoint": "QUEUE", "index": 25.0, "indexN": 2, "changeFromPrevious": -50.0, "dive": true}]"""),
            SnapshotComposer.SATISFACTION_REGIONS, json("""
                    [{"value": "north"}, {"value": "unknown"}, {"value": "east"}]"""),
            "/api/v1/complaints?window=today&dimension=region", json("""
                    [{"value": "south", "opened": 2, "answeredContacts": 0, "complaintsPer1000Contacts": null},
                     {"value": "north", "opened": 3, "answeredContacts": 600, "complaintsPer1000Contacts": 5.0}]"""),
            "/api/v1/complaints?window=today&dimension=category", json("""
                    [{"value": "billing", "opened": 4}, {"value": "app", "opened": 4}, {"value": "meter", "opened": 0},
                     {"value": "outage", "opened": 9}, {"value": "network_quality", "opened": 1},
                     {"value": "service_behaviour", "opened": 2}, {"value": "tariff", "opened": 1}]"""),
            "/api/v1/complaints?window=today&dimension=all", json("""
                    [{"value": "all", "opened": 5, "answeredContacts": 1000, "complaintsPer1000Contacts": 5.0}]"""),
            "/api/v1/satisfaction/slice?window=today", json("""
                    {"index": 61.5, "indexN": 6, "indexLow": 40.2, "indexHigh": 82.8}"""),
            TODAY_SERIES, json("""
                    [{"time": "2026-03-01T22:00:00Z", "index": null, "indexN": 0},
                     {"time": "2026-03-01T23:00:00Z", "index": 61.5, "indexN": 6}]""")));

    private WallboardSnapshot compose(WallboardFilter filter) {
        Set<String> read = SnapshotComposer.paths(List.of(filter), NOW, ZONE);
        return SnapshotComposer.compose(filter, new ApiSource.Answers() {
            @Override
            public Instant at() {
                return NOW;
            }

            @Override
            public JsonNode get(String path) {
                assertTrue(read.contains(path), path + " is composed from but not among the paths read");
                return Objects.requireNonNull(answers.get(path), path);
            }
        }, FRESH, ZONE);
    }

    @Test
    @DisplayName("a queue meets its target at or above it, is near within 5 points below, else misses; none without one")
    void serviceLevelStatus() {
        List<String> statuses = compose(WallboardFilter.EVERYTHING).queues().stream()
                .map(q -> q.queue() + " " + q.serviceLevelStatus()).toList();
        assertEquals(List.of("billing near", "sales missed", "vip met", "web null", "night null"), statuses);
        assertEquals(66L, compose(WallboardFilter.EVERYTHING).queues().get(0).longestWaitSeconds(), "whole seconds");
        assertNull(compose(WallboardFilter.EVERYTHING).queues().get(1).longestWaitSeconds());
    }

    @Test
    @DisplayName("open alerts: critical first, then the most recently updated")
    void alertOrder() {
        assertEquals(List.of("a4", "a2", "a1", "a3"),
                compose(WallboardFilter.EVERYTHING).alerts().stream().map(a -> a.id()).toList());
    }

    @Test
    @DisplayName("a region keeps its own alerts and those naming no region, and its satisfaction and complaint rows")
    void regionFilter() {
        answers.put("/api/v1/satisfaction/slice?window=today&dimension=region&value=north",
                json("{\"index\": 70.0, \"indexN\": 3, \"indexLow\": null, \"indexHigh\": null}"));
        answers.put(TODAY_SERIES + "&dimension=region&value=north", json("[]"));
        WallboardSnapshot north = compose(new WallboardFilter("region", "north"));
        assertEquals(List.of("a4", "a2", "a1"), north.alerts().stream().map(a -> a.id()).toList());
        assertEquals(70.0, north.satisfaction().index());
        assertEquals(new WallboardSnapshot.Complaints(3, 600, 5.0), north.complaints());
        assertEquals(5, north.queues().size(), "queues are not split by region");
    }

    @Test
    @DisplayName("a queue keeps its tile only, and its complaint row (none: zeros and null)")
    void queueFilter() {
        answers.put("/api/v1/satisfaction/slice?window=today&dimension=queue&value=vip",
                json("{\"index\": null, \"indexN\": 0, \"indexLow\": null, \"indexHigh\": null}"));
        answers.put(TODAY_SERIES + "&dimension=queue&value=vip", json("[]"));
        answers.put("/api/v1/complaints?window=today&dimension=queue", json("[]"));
        WallboardSnapshot vip = compose(new WallboardFilter("queue", "vip"));
        assertEquals(List.of("vip"), vip.queues().stream().map(q -> q.queue()).toList());
        assertEquals(new WallboardSnapshot.Complaints(0, 0, null), vip.complaints());
        assertEquals(4, vip.alerts().size(), "alerts carry no queue");
    }

    @Test
    @DisplayName("top categories: most opened first, ties by name, none with 0, at most five")
    void topCategories() {
        assertEquals(List.of(new CategoryCount("outage", 9), new CategoryCount("app", 4),
                        new CategoryCount("billing", 4), new CategoryCount("service_behaviour", 2),
                        new CategoryCount("network_quality", 1)),
                compose(WallboardFilter.EVERYTHING).topCategories());
    }

    @Test
    @DisplayName("the whole service: today's index and hours from midnight in the zone, the filter's options")
    void everything() {
        WallboardSnapshot all = compose(WallboardFilter.EVERYTHING);
        assertEquals(new WallboardSnapshot.Satisfaction(61.5, 6, 40.2, 82.8, List.of(
                new WallboardSnapshot.IndexPoint(Instant.parse("2026-03-01T22:00:00Z"), null, 0),
                new WallboardSnapshot.IndexPoint(Instant.parse("2026-03-01T23:00:00Z"), 61.5, 6))),
                all.satisfaction());
        assertEquals(new WallboardSnapshot.Complaints(5, 1000, 5.0), all.complaints());
        assertEquals(new WallboardSnapshot.Options(List.of("east", "north", "south"),
                List.of("billing", "sales", "vip", "web", "night")), all.options());
        assertEquals("QUEUE", all.journey().stream().filter(s -> s.dive()).findFirst().orElseThrow().touchpoint());
        assertEquals(FRESH, all.freshness());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
