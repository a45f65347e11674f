package io.vocstream.contactcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocstream.events.AgentState;
import io.vocstream.http.ApiServer;
import io.vocstream.time.TimeRange;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContactCenterAnswersTest {
    private static final ObjectMapper JSON = ApiServer.jsonMapper();
    private static final Instant T = ContactLifecycleTest.Q1;

    @Test
    @DisplayName("a queue row is flat JSON: figures and 'now' side by side, null where n = 0")
    void flatRow() throws Exception {
        QueueStats stats = ContactLifecycleTest.fed(ContactLifecycleTest.quarterHour()).quarter("billing", T);
        QueueRow row = new QueueRow("billing", "all", "interval15", T, ContactLifecycleTest.Q2,
                QueueFigures.of(stats, ContactLifecycleTest.RULE_20S), QueueNow.empty("billing").figures(T));
        JsonNode json = JSON.readTree(JSON.writeValueAsBytes(row));
        assertEquals(7, json.get("offered").asInt());
        assertEquals(2.0 / 3, json.get("serviceLevel").asDouble(), 1e-9);
        assertEquals("answered within T / answered", json.get("serviceLevelFormulaText").asText());
        assertEquals(0, json.get("waiting").asInt());
        assertTrue(json.get("longestWaitSeconds").isNull());
        assertTrue(json.get("occupancy").isNull());
        assertEquals("2026-03-02T10:00:00Z", json.get("from").asText());
        assertFalse(json.has("figures"));
    }

    @Test
    @DisplayName("partials survive the JSON round trip of a fan-out leg unchanged")
    void partialRoundTrip() throws Exception {
        List<QueuePartial> partials = List.of(
                new QueuePartial(QueuePartial.CONTACTS, "billing", "all=all",
                        ContactLifecycleTest.fed(ContactLifecycleTest.quarterHour()).quarter("billing", T), null, null),
                new QueuePartial(QueuePartial.CONTACTS, "billing", "all=all", null,
                        QueueNow.waitingSince("billing", T.toEpochMilli()), null),
                new QueuePartial(QueuePartial.AGENTS, "billing", "all=all", null,
                        QueueNow.agentIn("billing", AgentState.BUSY), null),
                new QueuePartial(QueuePartial.CUSTOMERS, "billing", "all=all", null, null, new RepeatStats(5, 2)));
        List<QueuePartial> back = JSON.readValue(JSON.writeValueAsBytes(partials), new TypeReference<>() {
        });
        assertEquals(partials, back);
        TimeRange range = new TimeRange(T, ContactLifecycleTest.Q2);
        assertEquals(QueueQueries.rows(partials, ServiceLevelRules.of(ServiceLevelRules.BUILT_IN_DEFAULT,
                        java.util.Map.of()), "interval15", q -> new QueueQueries.Span(range, T), T.plusSeconds(30)),
                QueueQueries.rows(back, ServiceLevelRules.of(ServiceLevelRules.BUILT_IN_DEFAULT, java.util.Map.of()),
                        "interval15", q -> new QueueQueries.Span(range, T), T.plusSeconds(30)));
    }

    @Test
    @DisplayName("agents ranked by each figure, capped at the limit, agents without the figure last")
    void agentRanking() {
        List<AgentRanking.AgentPartial> partials = List.of(
                new AgentRanking.AgentPartial(QueuePartial.CONTACTS, "a1", new AgentStats(4, 4, 4, 1200, 0), null,
                        null),
                new AgentRanking.AgentPartial(QueuePartial.CONTACTS, "a2", new AgentStats(2, 2, 2, 400, 1), null,
                        null),
                new AgentRanking.AgentPartial(QueuePartial.CONTACTS, "a2", new AgentStats(1, 1, 1, 200, 1), null,
                        null),
                new AgentRanking.AgentPartial(QueuePartial.AGENTS, "a3", null,
                        new AgentNow("a3", AgentState.AVAILABLE, List.of("billing"), 0, null), null),
                // CSAT of a1 from two partitions: 5, 4 and 2 -> mean 11/3, satisfied 2/3; a3 one 4
                new AgentRanking.AgentPartial(AgentRanking.SURVEYS, "a1", null, null, new CsatCounts(0, 0, 0, 1, 1)),
                new AgentRanking.AgentPartial(AgentRanking.SURVEYS, "a1", null, null, new CsatCounts(0, 1, 0, 0, 0)),
                new AgentRanking.AgentPartial(AgentRanking.SURVEYS, "a3", null, null, new CsatCounts(0, 0, 0, 1, 0)));
        List<AgentRanking.AgentRow> byHandled = AgentRanking.rank(partials, "handled", 10);
        assertEquals(List.of("a1", "a2", "a3"), byHandled.stream().map(AgentRanking.AgentRow::agentId).toList());
        assertEquals(3, byHandled.get(1).handled()); // both partials of a2 merged
        assertEquals(200.0, byHandled.get(1).ahtSeconds(), 1e-9); // (400 + 200) / 3
        assertEquals(2.0 / 3, byHandled.get(1).transferRate(), 1e-9);
        assertEquals("available", byHandled.get(2).state());
        assertEquals(List.of("a2", "a1", "a3"), AgentRanking.rank(partials, "aht", 10).stream()
                .map(AgentRanking.AgentRow::agentId).toList()); // 200 s before 300 s, a3 has no AHT
        assertEquals(List.of("a2"), AgentRanking.rank(partials, "transfers", 1).stream()
                .map(AgentRanking.AgentRow::agentId).toList());
        List<AgentRanking.AgentRow> byCsat = AgentRanking.rank(partials, "csat", 10);
        assertEquals(List.of("a3", "a1", "a2"), byCsat.stream().map(AgentRanking.AgentRow::agentId).toList());
        assertEquals(11.0 / 3, byCsat.get(1).csatMean(), 1e-9);
        assertEquals(2.0 / 3, byCsat.get(1).csatSatisfied(), 1e-9);
        assertEquals(3, byCsat.get(1).csatN());
        assertNull(byCsat.get(2).csatMean(), "a2 has no survey: null, not 0");
        assertEquals(0, byCsat.get(2).csatN());
        AgentRanking.AgentRow a2 = AgentRanking.one(partials, "csat", "a2").orElseThrow();
        assertEquals(3, a2.rank(), "one agent keeps its rank among all");
        assertEquals(3, a2.handled());
        assertTrue(AgentRanking.one(partials, "csat", "a9").isEmpty());
    }

    @Test
    @DisplayName("the OpenAPI fragment documents every route with its parameters and the row schemas")
    void openApiFragment() throws Exception {
        JsonNode fragment;
        try (InputStream in = getClass().getResourceAsStream("/openapi/contactcenter.json")) {
            fragment = JSON.readTree(in);
        }
        for (String path : List.of(ContactCenterRoutes.QUEUES, ContactCenterRoutes.QUEUE,
                ContactCenterRoutes.INTERVALS, ContactCenterRoutes.AGENTS, ContactCenterRoutes.AGENT,
                ContactCenterRoutes.IVR, ContactCenterRoutes.IVR_SESSION)) {
            assertTrue(fragment.path("paths").has(path), path);
        }
        JsonNode queueRow = fragment.path("components").path("schemas").path("QueueRow").path("properties");
        for (var component : QueueFigures.class.getRecordComponents()) {
            assertTrue(queueRow.has(component.getName()), "QueueRow documents " + component.getName());
        }
        for (var component : QueueNow.Figures.class.getRecordComponents()) {
            assertTrue(queueRow.has(component.getName()), "QueueRow documents " + component.getName());
        }
        JsonNode ivrRow = fragment.path("components").path("schemas").path("IvrRow").path("properties");
        for (var component : IvrFigures.class.getRecordComponents()) {
            assertTrue(ivrRow.has(component.getName()), "IvrRow documents " + component.getName());
        }
        JsonNode agentRow = fragment.path("components").path("schemas").path("AgentRow").path("properties");
        for (var component : AgentRanking.AgentRow.class.getRecordComponents()) {
            assertTrue(agentRow.has(component.getName()), "AgentRow documents " + component.getName());
        }
    }
}
