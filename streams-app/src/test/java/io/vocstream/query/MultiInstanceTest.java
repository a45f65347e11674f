package io.vocstream.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.app.VocstreamApp;
import io.vocstream.config.AppConfig;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.IvrEvent;
import io.vocstream.events.RepairEvent;
import io.vocstream.producers.sink.EventSink;
import io.vocstream.schemas.EventTopic;
import io.vocstream.testing.ApiClient;
import io.vocstream.testing.LiveCluster;
import io.vocstream.testing.MixedWorkload;
import io.vocstream.testing.Recount;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two, then three instances of one application id on a real broker, sharing two partitions per topic (so that
 * with three instances some instance lacks the tasks of some sub-topology): every instance answers every capability's main queries with
 * the same body, whose figures are those recounted from the events; while instances join and leave, an answer is
 * either that body or a 503 with Retry-After, never a partial one; and after one instance stops, the others answer
 * the same once the rebalance has ended.
 */
class MultiInstanceTest {
    private static final Logger log = LoggerFactory.getLogger(MultiInstanceTest.class);
    private static final String APPLICATION_ID = "vocstream-scaleout";
    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private static final Instant FROM = AT.minus(Duration.ofMinutes(95));
    private static final List<SpecificRecord> EVENTS = MixedWorkload.generate(8, 120, FROM, AT);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String DAY = "window=24h&at=" + AT;
    private static final String INGEST = "/api/v1/ingest/topics";
    private static final String SURVEYS_BY_REGION = "/api/v1/satisfaction/slices?dimension=region&" + DAY;
    private static final String COMPLAINTS_BY_REGION = "/api/v1/complaints?dimension=region&" + DAY;
    private static final String ALERTS = "/api/v1/alerts?status=recent";
    private static final String QUEUES = "/api/v1/queues?" + DAY;
    private static final String REPAIRS_BY_REGION = "/api/v1/repairs?dimension=region&" + DAY;

    @TempDir
    Path dir;

    @Test
    @DisplayName("two and three instances answer every query identically, and two again after the third stops")
    void everyInstanceAnswersTheSame() throws Exception {
        try (LiveCluster cluster = LiveCluster.start(dir, Map.of(AppConfig.APPLICATION_ID, APPLICATION_ID,
                AppConfig.TOPICS_PARTITIONS, "2", AppConfig.STREAM_THREADS, "1"))) {
            try (EventSink sink = cluster.eventSink()) {
                EVENTS.forEach(e -> sink.publish(EventTopic.of(e), EventTopic.of(e).keyOf(e), e));
            }
            try (VocstreamApp first = cluster.startInstance("first");
                 VocstreamApp second = cluster.startInstance("second")) {
                ApiClient a = new ApiClient(first.httpPort());
                ApiClient b = new ApiClient(second.httpPort());
                cluster.awaitProcessed(APPLICATION_ID, Duration.ofSeconds(90));
                log.info("two instances have processed {} events", EVENTS.size());
                Map<String, JsonNode> answers = new LinkedHashMap<>();
                for (String path : paths()) {
                    answers.put(path, a.await(path, body -> true, SETTLE));
                }
                assertFiguresOfTheEvents(answers);
                assertAnswers(answers, List.of(a, b));
                log.info("two instances answer alike");

                try (VocstreamApp third = cluster.startInstance("third")) {
                    assertAnswers(answers, List.of(new ApiClient(third.httpPort()), a, b));
                    log.info("three instances answer alike");
                }
                assertAnswers(answers, List.of(b, a));
                log.info("two instances answer alike after the third stopped");
            }
        }
    }

    /** The main query of every capability at AT, and one entity of each kind that is looked up by id. */
    private static List<String> paths() {
        String at = "at=" + AT;
        return List.of(
                INGEST,
                SURVEYS_BY_REGION,
                "/api/v1/satisfaction/slice?" + DAY,
                "/api/v1/satisfaction/journey?" + DAY,
                "/api/v1/satisfaction/linkage?by=wait&" + DAY,
                "/api/v1/satisfaction/linkage?by=complaint&" + DAY,
                "/api/v1/satisfaction/series?dimension=region&value=north&step=1h&from=" + FROM + "&to=" + AT,
                COMPLAINTS_BY_REGION,
                "/api/v1/complaints/backlog?dimension=region&" + at,
                "/api/v1/complaints/ids?" + DAY,
                "/api/v1/complaints/" + first(ComplaintEvent.class).getComplaintId(),
                ALERTS,
                QUEUES,
                "/api/v1/queues?by=region&" + DAY,
                "/api/v1/queues/billing/intervals?" + at,
                "/api/v1/agents?" + DAY,
                "/api/v1/ivr?" + DAY,
                "/api/v1/ivr/sessions/" + first(IvrEvent.class).getSessionId(),
                REPAIRS_BY_REGION,
                "/api/v1/repairs/open?" + at,
                "/api/v1/repairs/orders?" + DAY,
                "/api/v1/repairs/orders/" + first(RepairEvent.class).getWorkOrderId());
    }

    private static <T extends SpecificRecord> T first(Class<T> type) {
        return EVENTS.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /**
     * Every instance answers every path with the expected body once the instances have settled: until then a 503
     * with Retry-After is allowed, another body is not.
     */
    private static void assertAnswers(Map<String, JsonNode> expected, List<ApiClient> instances) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        for (ApiClient instance : instances) {
            for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
                while (true) {
                    HttpResponse<String> r = instance.get(e.getKey());
                    if (r.statusCode() == 200) {
                        assertEquals(e.getValue(), ApiClient.json(r.body()),
                                "port " + instance.port() + " " + e.getKey());
                        break;
                    }
                    assertEquals(503, r.statusCode(), "port " + instance.port() + " " + e.getKey() + ": " + r.body());
                    assertTrue(r.headers().firstValue("Retry-After").isPresent(), "503 without Retry-After");
                    if (System.nanoTime() > deadline) {
                        fail("port " + instance.port() + " " + e.getKey() + " still unavailable: " + r.body());
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    /** The figures the answers carry are those recounted from the events, whichever instance holds them. */
    private static void assertFiguresOfTheEvents(Map<String, JsonNode> answers) {
        Recount recount = new Recount(EVENTS);
        assertEquals(recount.eventsPerTopic(), column(answers.get(INGEST), "topic", "events"));

        JsonNode regions = answers.get(SURVEYS_BY_REGION);
        Map<String, Recount.Csat> surveys = recount.surveysByRegion();
        assertEquals(surveys.keySet(), keys(regions, "value"));
        for (JsonNode row : regions) {
            Recount.Csat expected = surveys.get(row.get("value").asText());
            assertEquals(expected.n(), row.get("n").asLong(), row.toString());
            assertEquals(expected.csatN(), row.get("csatN").asLong(), row.toString());
            assertEquals(expected.csatMean(), row.get("csatMean").asDouble(), 1e-9, row.toString());
        }

        assertEquals(recount.complaintsOpenedByRegion(),
                column(answers.get(COMPLAINTS_BY_REGION), "value", "opened"));
        JsonNode queues = answers.get(QUEUES);
        Map<String, Recount.Queue> offered = new TreeMap<>();
        queues.forEach(row -> offered.put(row.get("queue").asText(),
                new Recount.Queue(row.get("offered").asLong(), row.get("answered").asLong())));
        assertEquals(recount.queues(), offered);
        assertEquals(recount.ordersCreatedByRegion(), column(answers.get(REPAIRS_BY_REGION), "value", "ordersCreated"));

        JsonNode outage = StreamSupport.stream(answers.get(ALERTS).spliterator(), false)
                .filter(alert -> alert.get("dimension").asText().equals("category=outage,region="
                        + MixedWorkload.OUTAGE_REGION + ",feeder=" + MixedWorkload.OUTAGE_FEEDER))
                .findFirst().orElseThrow(() -> new AssertionError("no common-issue alert for the outage feeder: "
                        + answers.get(ALERTS)));
        assertEquals("common-issue", outage.get("rule").asText());
        assertEquals(Set.of("outage-complaint-8-0", "outage-complaint-8-1", "outage-complaint-8-2"),
                keys(outage.get("memberIds"), null));
    }

    private static Map<String, Long> column(JsonNode rows, String key, String value) {
        Map<String, Long> byKey = new TreeMap<>();
        rows.forEach(row -> byKey.put(row.get(key).asText(), row.get(value).asLong()));
        return byKey;
    }

    private static Set<String> keys(JsonNode rows, String field) {
        Set<String> keys = new TreeSet<>();
        rows.forEach(row -> keys.add(field == null ? row.asText() : row.get(field).asText()));
        return keys;
    }
}
