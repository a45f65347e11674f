package io.vocstream.contactcenter;

import static io.vocstream.events.ContactEventType.ABANDONED;
import static io.vocstream.events.ContactEventType.ANSWERED;
import static io.vocstream.events.ContactEventType.COMPLETED;
import static io.vocstream.events.ContactEventType.OFFERED;
import static io.vocstream.events.ContactEventType.TRANSFERRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.config.AppConfig;
import io.vocstream.events.AgentState;
import io.vocstream.events.IvrEventType;
import io.vocstream.events.Touchpoint;
import io.vocstream.testing.Events;
import io.vocstream.testing.LiveApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contact, agent, IVR and survey events produced to the real (embedded) broker, over several partitions, read back over
 * HTTP. Queue "billing" follows the default rule (20 s, answered), "sales" its own (30 s, answered + abandoned).
 * By hand, from T (the start of the last whole UTC half hour before the current one), queried at T + 20 min:
 * <ul>
 * <li>c1 billing: offered T, answered T+10 s by a1 (wait 10 s), completed T+5 min by a1 (talk 200 + hold 20 +
 * wrap-up 30 = 250 s);
 * <li>c2 billing: offered T+1 min, answered T+1:40 by a2 (wait 40 s), transferred T+3 min by a2 to sales: offered
 * there T+3:01, answered T+3:16 by a3 (wait 15 s), completed T+8 min by a3 (talk 100 + wrap-up 20 = 120 s);
 * <li>c3 billing: offered T+2 min, abandoned 3 s later (a short abandon); c4: offered T+4 min, abandoned after 50 s;
 * <li>c5 billing: offered T+5 min, still waiting; c6: offered T+16 min (the next quarter hour), still waiting;
 * <li>c7 web: offered T+30 s, abandoned 15 s later.
 * </ul>
 * Billing over the hour: offered 6, answered 2, abandoned 2 of which 1 short; abandonment (2 − 1) / (2 + 2 − 1) = 1/3;
 * ASA (10 + 40) / 2 = 25 s; mean wait (10 + 40 + 3 + 50) / 4 = 25.75 s, max 50 s; service level 1 of 2 answered
 * within 20 s = 0.5; AHT (250 + 80) / 2 = 165 s over c1 and c2's leg up to its transfer; transfers 1 of 2 answered. Now: 2 waiting, the oldest since T+5 min, so the
 * longest wait at T+20 min is 900 s; a1 available and a2 busy: occupancy 1/2. Sales: service level 1 / (1 + 0) = 1.
 * Surveys: r1 (5, c1, names a1), r2 (4, names a1), r3 (2, c2, names a3), r4 (1, names nobody), r5 (3, names only c2,
 * which a3 completed after a2 transferred it: a3's), r6 (1, names only c3, abandoned: nobody's). Agent CSAT: a1
 * (5 + 4) / 2 = 4.5, a3 (2 + 3) / 2 = 2.5, both n 2; a2 none.
 */
class ContactCenterHttpTest {
    private static final Instant T = Instant.ofEpochMilli(
            Math.floorDiv(Instant.now().toEpochMilli(), Duration.ofMinutes(30).toMillis())
                    * Duration.ofMinutes(30).toMillis()).minus(Duration.ofMinutes(30));
    private static final Instant AT = T.plus(Duration.ofMinutes(20));
    /** Sales keeps India's day (UTC+5:30, whose midnight is a UTC half hour, so T's half hour is in one day). */
    private static final ZoneId SALES_ZONE = ZoneId.of("Asia/Kolkata");

    @TempDir
    static Path dataDir;
    private static LiveApp app;
    private static List<Integer> contactPartitions;

    @BeforeAll
    static void start() throws Exception {
        // three partitions: enough to spread the contacts, few enough tasks to start quickly
        app = LiveApp.start(dataDir, Map.of(AppConfig.TOPICS_PARTITIONS, "3",
                ContactCenterConfig.SERVICE_LEVEL + "sales", "threshold=30s formula=answered+abandoned short-abandon=5s",
                ContactCenterConfig.TIME_ZONE + "sales", SALES_ZONE.getId(),
                ContactCenterConfig.IVR_TIME_ZONE + "main", SALES_ZONE.getId(),
                ContactCenterConfig.SERVICE_LEVEL + "quiet", "threshold=60s formula=answered"));
        contactPartitions = app.produce(
                Events.contact("c1", OFFERED, T).build(),
                Events.contact("c1", ANSWERED, s(10)).setAgentId("a1").build(),
                Events.contact("c1", COMPLETED, s(300)).setAgentId("a1").setTalkSeconds(200.0).setHoldSeconds(20.0)
                        .setWrapUpSeconds(30.0).build(),
                Events.contact("c2", OFFERED, s(60)).build(),
                Events.contact("c2", ANSWERED, s(100)).setAgentId("a2").build(),
                Events.contact("c2", TRANSFERRED, s(180)).setAgentId("a2").build(),
                Events.contact("c2", OFFERED, s(181)).setQueue("sales").build(),
                Events.contact("c2", ANSWERED, s(196)).setQueue("sales").setAgentId("a3").build(),
                Events.contact("c2", COMPLETED, s(480)).setQueue("sales").setAgentId("a3").setTalkSeconds(100.0)
                        .setWrapUpSeconds(20.0).build(),
                Events.contact("c3", OFFERED, s(120)).build(),
                Events.contact("c3", ABANDONED, s(123)).build(),
                Events.contact("c4", OFFERED, s(240)).build(),
                Events.contact("c4", ABANDONED, s(290)).build(),
                Events.contact("c5", OFFERED, s(300)).setRegion("south").build(),
                Events.contact("c6", OFFERED, s(960)).build(),
                Events.contact("c7", OFFERED, s(30)).setQueue("web").build(),
                Events.contact("c7", ABANDONED, s(45)).setQueue("web").build());
        app.produce(
                Events.agent("a1", AgentState.AVAILABLE, s(360)).setQueues(List.of("billing")).build(),
                Events.agent("a2", AgentState.BUSY, s(100)).setQueues(List.of("billing")).build(),
                Events.agent("a3", AgentState.AVAILABLE, s(540)).setQueues(List.of("sales")).build(),
                Events.agent("a3", AgentState.LOGGED_OUT, s(600)).build(),
                Events.ivr("i1", IvrEventType.SESSION_STARTED, s(-60)).setIvrLine("main").build(),
                Events.ivr("i1", IvrEventType.TRANSFERRED_TO_AGENT, s(-1)).setIvrLine("main").setContactId("c1")
                        .build(),
                Events.ivr("i2", IvrEventType.SESSION_STARTED, s(60)).setIvrLine("main").build(),
                Events.ivr("i2", IvrEventType.HUNG_UP, s(100)).setIvrLine("main").setMenuNode("main/billing").build(),
                Events.survey("r1", Touchpoint.AGENT, s(400)).setCsat(5).setContactId("c1").setAgentId("a1").build(),
                Events.survey("r2", Touchpoint.AGENT, s(410)).setCsat(4).setAgentId("a1").build(),
                Events.survey("r3", Touchpoint.AGENT, s(600)).setCsat(2).setContactId("c2").setAgentId("a3").build(),
                Events.survey("r4", Touchpoint.QUEUE, s(420)).setCsat(1).build(),
                Events.survey("r5", Touchpoint.AGENT, s(620)).setCsat(3).setContactId("c2").build(),
                Events.survey("r6", Touchpoint.QUEUE, s(630)).setCsat(1).setContactId("c3").build());
        // every agent's last event has been processed (the tests below wait for their own figures)
        app.await("/api/v1/agents?window=1h&sort=handled" + at(), body -> body.size() == 3
                && "available".equals(body.get(0).path("state").asText())
                && "logged_out".equals(body.get(1).path("state").asText())
                && "busy".equals(body.get(2).path("state").asText()));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Instant s(long seconds) {
        return T.plusSeconds(seconds);
    }

    private static String at() {
        return "&at=" + AT;
    }

    @Test
    @DisplayName("the events spread over more than one partition")
    void severalPartitions() {
        assertTrue(new HashSet<>(contactPartitions).size() >= 2, "partitions " + contactPartitions);
    }

    @Test
    @DisplayName("queue rows carry hand-computed figures merged from every partition, and the state now")
    void queueRows() throws Exception {
        JsonNode rows = app.await("/api/v1/queues?window=1h" + at(), body -> body.size() == 3
                && body.get(0).get("offered").asLong() == 6 && body.get(0).get("waiting").asLong() == 2
                && body.get(0).get("answered").asLong() == 2 && body.get(0).get("abandoned").asLong() == 2
                && body.get(0).get("handled").asLong() == 1 && body.get(0).get("transfers").asLong() == 1
                && body.get(1).get("handled").asLong() == 1 && body.get(2).get("abandoned").asLong() == 1);
        JsonNode billing = rows.get(0);
        assertEquals("billing", billing.get("queue").asText());
        assertEquals("all", billing.get("slice").asText());
        assertEquals(2, billing.get("answered").asLong());
        assertEquals(2, billing.get("abandoned").asLong());
        assertEquals(1, billing.get("shortAbandons").asLong());
        assertEquals(1.0 / 3, billing.get("abandonmentRate").asDouble(), 1e-9);
        assertEquals(3, billing.get("abandonmentRateN").asLong());
        assertEquals(25.0, billing.get("asaSeconds").asDouble(), 1e-9);
        assertEquals(25.75, billing.get("averageWaitSeconds").asDouble(), 1e-9);
        assertEquals(50.0, billing.get("maxWaitSeconds").asDouble(), 1e-9);
        assertEquals(0.5, billing.get("serviceLevel").asDouble(), 1e-9);
        assertEquals(2, billing.get("serviceLevelN").asLong());
        assertEquals("answered", billing.get("serviceLevelFormula").asText());
        assertEquals(165.0, billing.get("ahtSeconds").asDouble(), 1e-9);
        assertEquals(2, billing.get("ahtN").asLong());
        assertEquals(0.5, billing.get("transferRate").asDouble(), 1e-9);
        assertTrue(billing.get("repeatContactRate").isNull(), "no customer ids: null, not 0");
        assertEquals(0, billing.get("repeatContactRateN").asLong());
        assertEquals(900.0, billing.get("longestWaitSeconds").asDouble(), 1e-9);
        assertEquals(1, billing.get("agentsAvailable").asLong());
        assertEquals(1, billing.get("agentsBusy").asLong());
        assertEquals(0.5, billing.get("occupancy").asDouble(), 1e-9);

        JsonNode sales = rows.get(1);
        assertEquals("sales", sales.get("queue").asText());
        assertEquals(1.0, sales.get("serviceLevel").asDouble(), 1e-9);
        assertEquals("answered+abandoned", sales.get("serviceLevelFormula").asText());
        assertEquals(30, sales.get("serviceLevelThresholdSeconds").asInt());
        assertEquals(120.0, sales.get("ahtSeconds").asDouble(), 1e-9);
        assertEquals(0.0, sales.get("transferRate").asDouble(), 1e-9);
        assertEquals(0, sales.get("agentsLoggedIn").asLong(), "a3 logged out");
        assertTrue(sales.get("occupancy").isNull(), "no agent: null, not 0");
        assertTrue(sales.get("longestWaitSeconds").isNull(), "nobody waiting");
        assertEquals("web", rows.get(2).get("queue").asText());
        assertEquals(1, rows.get(2).get("abandoned").asLong());
        for (JsonNode row : rows) {
            row.fields().forEachRemaining(f -> assertTrue(f.getValue().isValueNode(), "flat row: " + f.getKey()));
        }
    }

    @Test
    @DisplayName("the rolling week and today (in each queue's zone), answered from quarter-hour buckets")
    void weekAndToday() throws Exception {
        for (String window : List.of("7d", "today")) {
            JsonNode billing = app.await("/api/v1/queues/billing?window=" + window + at(),
                    body -> body.size() == 1 && body.get(0).get("abandoned").asLong() == 2).get(0);
            assertEquals(window, billing.get("window").asText());
            assertEquals(6, billing.get("offered").asLong(), window);
            assertEquals(25.0, billing.get("asaSeconds").asDouble(), 1e-9);
            assertEquals(0.5, billing.get("serviceLevel").asDouble(), 1e-9);
            assertEquals(165.0, billing.get("ahtSeconds").asDouble(), 1e-9);
        }
        JsonNode today = app.await("/api/v1/queues?window=today" + at(), body -> body.size() == 3
                && body.get(1).get("handled").asLong() == 1);
        assertEquals(AT.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().toString(),
                today.get(0).get("from").asText(), "billing's day follows time.zone (UTC)");
        assertEquals(AT.atZone(SALES_ZONE).toLocalDate().atStartOfDay(SALES_ZONE).toInstant().toString(),
                today.get(1).get("from").asText(), "sales' day follows its own zone");
        assertEquals(1, today.get(1).get("offered").asLong());
        JsonNode agents = app.await("/api/v1/agents?window=7d&sort=csat" + at(),
                body -> body.size() == 3 && body.get(0).get("csatN").asLong() == 2);
        assertEquals(4.5, agents.get(0).get("csatMean").asDouble(), 1e-9);
        JsonNode ivr = app.await("/api/v1/ivr?window=7d" + at(), body -> body.size() == 1);
        assertEquals(2, ivr.get(0).get("sessions").asLong());
        JsonNode ivrToday = app.await("/api/v1/ivr?window=today" + at(), body -> body.size() == 1);
        assertEquals(AT.atZone(SALES_ZONE).toLocalDate().atStartOfDay(SALES_ZONE).toInstant().toString(),
                ivrToday.get(0).get("from").asText(), "line main's day follows its own zone");
    }

    @Test
    @DisplayName("one queue sliced by region; a quiet declared queue answers zeros, an unknown queue is a 404")
    void oneQueue() throws Exception {
        JsonNode rows = app.await("/api/v1/queues/billing?window=1h&by=region" + at(),
                body -> body.size() == 3 && body.get(0).get("offered").asLong() == 6);
        assertEquals("north", rows.get(1).get("slice").asText());
        assertEquals(5, rows.get(1).get("offered").asLong());
        assertEquals("south", rows.get(2).get("slice").asText());
        assertEquals(1, rows.get(2).get("offered").asLong());
        assertTrue(rows.get(2).get("asaSeconds").isNull(), "nothing answered in the south: null, not 0");
        assertEquals(0, rows.get(2).get("asaN").asLong());
        assertFalse(rows.get(1).has("waiting"), "slice rows carry no 'now'");

        JsonNode quiet = app.await("/api/v1/queues/quiet?window=1h" + at(), body -> body.size() == 1).get(0);
        assertEquals(0, quiet.get("offered").asLong(), "a declared queue without contacts answers zeros");
        assertTrue(quiet.get("serviceLevel").isNull());
        assertEquals(60, quiet.get("serviceLevelThresholdSeconds").asInt());
        assertEquals(0, quiet.get("waiting").asLong());
        JsonNode laterWeb = app.await("/api/v1/queues/web?window=15m&at=" + AT.plus(Duration.ofHours(3)),
                body -> body.size() == 1).get(0);
        assertEquals(0, laterWeb.get("offered").asLong(), "seen this week, quiet in the window: zeros, not a 404");
        assertTrue(laterWeb.get("asaSeconds").isNull());
        assertNotFound("/api/v1/queues/nowhere?window=1h" + at(), "no queue 'nowhere'");
    }

    @Test
    @DisplayName("aligned quarter hours split the contacts at the boundary")
    void intervals() throws Exception {
        JsonNode rows = app.await("/api/v1/queues/billing/intervals?size=15" + at(),
                body -> offeredFrom(body, T) == 5 && offeredFrom(body, T.plus(Duration.ofMinutes(15))) == 1);
        JsonNode first = rowFrom(rows, T);
        assertEquals("interval15", first.get("window").asText());
        assertEquals(T.plus(Duration.ofMinutes(15)).toString(), first.get("to").asText());
        assertEquals(25.0, first.get("asaSeconds").asDouble(), 1e-9);
        JsonNode second = rowFrom(rows, T.plus(Duration.ofMinutes(15)));
        assertTrue(second.get("asaSeconds").isNull());
        assertEquals(0, second.get("asaN").asLong());
        assertEquals(24 * 4, rows.size(), "every quarter hour of the UTC day");

        JsonNode quiet = app.await("/api/v1/queues/quiet/intervals?size=30" + at(), body -> body.size() == 24 * 2);
        assertEquals(0, quiet.get(0).get("offered").asLong(), "a declared queue without contacts: zeros");
        assertEquals(60, quiet.get(0).get("serviceLevelThresholdSeconds").asInt());
        assertNotFound("/api/v1/queues/nowhere/intervals" + "?size=15" + at(), "no queue 'nowhere'");
    }

    @Test
    @DisplayName("agents ranked by handled contacts, with AHT and transfers")
    void agents() throws Exception {
        JsonNode rows = app.await("/api/v1/agents?window=1h&sort=handled" + at(),
                body -> body.size() == 3 && body.get(1).get("handled").asLong() == 1);
        assertEquals("a1", rows.get(0).get("agentId").asText());
        assertEquals(250.0, rows.get(0).get("ahtSeconds").asDouble(), 1e-9);
        assertEquals("available", rows.get(0).get("state").asText());
        assertEquals("a3", rows.get(1).get("agentId").asText());
        assertEquals("a2", rows.get(2).get("agentId").asText());
        assertEquals(80.0, rows.get(2).get("ahtSeconds").asDouble(), 1e-9, "a2's leg up to the transfer");
        assertEquals(1.0, rows.get(2).get("transferRate").asDouble(), 1e-9);
    }

    @Test
    @DisplayName("agents ranked by the CSAT of surveys naming them, with n, null without surveys")
    void agentsBySatisfaction() throws Exception {
        // a1: 5 and 4 -> 4.5 (n 2); a3: 2, and 3 from r5 through c2 -> 2.5 (n 2); a2: no survey
        JsonNode rows = app.await("/api/v1/agents?window=1h&sort=csat" + at(),
                body -> body.size() == 3 && body.get(0).get("csatN").asLong() == 2
                        && body.get(1).get("csatN").asLong() == 2);
        assertEquals("a1", rows.get(0).get("agentId").asText());
        assertEquals(4.5, rows.get(0).get("csatMean").asDouble(), 1e-9);
        assertEquals(1.0, rows.get(0).get("csatSatisfied").asDouble(), 1e-9);
        assertEquals("a3", rows.get(1).get("agentId").asText());
        assertEquals(2.5, rows.get(1).get("csatMean").asDouble(), 1e-9);
        assertEquals(0.0, rows.get(1).get("csatSatisfied").asDouble(), 1e-9);
        assertEquals("a2", rows.get(2).get("agentId").asText());
        assertTrue(rows.get(2).get("csatMean").isNull(), "no survey names a2: null, not 0");
        assertEquals(0, rows.get(2).get("csatN").asLong());
    }

    @Test
    @DisplayName("one agent by id, ranked among all; an unknown agent is a 404 naming it")
    void oneAgent() throws Exception {
        JsonNode a3 = app.await("/api/v1/agents/a3?window=1h&sort=csat" + at(),
                body -> body.size() == 1 && body.get(0).get("csatN").asLong() == 2).get(0);
        assertEquals(2, a3.get("rank").asInt(), "second of three by CSAT, though not limited to the top");
        assertEquals(2.5, a3.get("csatMean").asDouble(), 1e-9);
        assertEquals(120.0, a3.get("ahtSeconds").asDouble(), 1e-9);
        assertEquals("logged_out", a3.get("state").asText());
        assertNotFound("/api/v1/agents/nobody?window=1h" + at(), "no agent 'nobody'");
    }

    @Test
    @DisplayName("IVR line figures and a session linked to the contact it became; an unknown session is a 404")
    void ivr() throws Exception {
        JsonNode rows = app.await("/api/v1/ivr?window=1h" + at(), body -> body.size() == 1
                && body.get(0).get("ended").asLong() == 2);
        JsonNode main = rows.get(0);
        assertEquals("main", main.get("ivrLine").asText());
        assertEquals(0.5, main.get("optOutRate").asDouble(), 1e-9);
        assertEquals(0.5, main.get("abandonmentRate").asDouble(), 1e-9);
        assertEquals(0.0, main.get("containmentRate").asDouble(), 1e-9);
        assertEquals(49.5, main.get("averageSecondsInIvr").asDouble(), 1e-9); // (59 + 40) / 2
        assertEquals("main/billing", main.get("hangUpNodes").get(0).get("node").asText());

        JsonNode session = app.await("/api/v1/ivr/sessions/i1", body -> body.has("contactId"));
        assertEquals("c1", session.get("contactId").asText());
        assertEquals(404, app.get("/api/v1/ivr/sessions/nope").statusCode());
    }

    @Test
    @DisplayName("bad parameters are 400s naming the parameter")
    void badParameters() throws Exception {
        app.assertBadParameter("/api/v1/queues?window=2h", "window");
        app.assertBadParameter("/api/v1/queues?by=planet", "by");
        app.assertBadParameter("/api/v1/queues?at=yesterday", "at");
        app.assertBadParameter("/api/v1/queues/billing/intervals?size=20", "size");
        app.assertBadParameter("/api/v1/queues/billing/intervals?window=1h", "window");
        app.assertBadParameter("/api/v1/agents?sort=name", "sort");
        app.assertBadParameter("/api/v1/agents?limit=0", "limit");
        app.assertBadParameter("/api/v1/ivr?by=weather", "by");
    }

    private static void assertNotFound(String path, String detail) throws Exception {
        HttpResponse<String> response = app.get(path);
        assertEquals(404, response.statusCode(), path);
        JsonNode error = LiveApp.json(response.body());
        assertEquals("not found", error.get("error").asText());
        assertTrue(error.get("detail").asText().startsWith(detail), error.toString());
    }

    private static JsonNode rowFrom(JsonNode rows, Instant from) {
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> r.get("from").asText().equals(from.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no row from " + from + " in " + rows));
    }

    private static long offeredFrom(JsonNode rows, Instant from) {
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> r.get("from").asText().equals(from.toString()))
                .mapToLong(r -> r.get("offered").asLong()).findFirst().orElse(-1);
    }
}
