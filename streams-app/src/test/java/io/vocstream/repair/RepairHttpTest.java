package io.vocstream.repair;

import static io.vocstream.events.RepairEventType.ARRIVED;
import static io.vocstream.events.RepairEventType.COMPLETED;
import static io.vocstream.events.RepairEventType.CREATED;
import static io.vocstream.events.RepairEventType.DISPATCHED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.events.Touchpoint;
import io.vocstream.testing.LiveApp;
import io.vocstream.testing.Events;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repair events and a survey produced to the real (embedded) broker, read back over HTTP: the work-order, asset and
 * feedback partitions (and their re-partition topics) on a running application.
 */
class RepairHttpTest {
    /** Whole minutes three hours ago: everything falls in the rolling 24 h ending now. */
    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));

    @TempDir
    static Path dataDir;
    private static LiveApp app;

    @BeforeAll
    static void start() throws Exception {
        app = LiveApp.start(dataDir, Map.of());
        Instant promiseEnd = T.plus(Duration.ofHours(1));
        app.produce(
                Events.repair("w1", CREATED, T).setAssetId("m1").setPromisedWindowStart(T)
                        .setPromisedWindowEnd(promiseEnd).build(),
                Events.repair("w1", DISPATCHED, T.plus(Duration.ofMinutes(5))).setTechnicianId("t1").build(),
                Events.repair("w1", ARRIVED, promiseEnd).setTechnicianId("t1").build(),
                Events.repair("w1", COMPLETED, T.plus(Duration.ofMinutes(90))).setTechnicianId("t1").build(),
                Events.repair("w2", CREATED, T.plus(Duration.ofMinutes(10))).setAssetId("m1").build(),
                Events.survey("s1", Touchpoint.REPAIR, T.plus(Duration.ofMinutes(120))).setWorkOrderId("w1")
                        .setCsat(4).build());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @DisplayName("the figures of all orders combine lifecycle, repeat and survey partitions")
    void figuresOfAllOrders() throws Exception {
        JsonNode all = await("?window=24h", body -> body.size() == 1
                && body.get(0).get("repeatRepairN").asLong() == 2 && body.get(0).get("postRepairCsatN").asLong() == 1)
                .get(0);
        assertEquals(2, all.get("ordersCreated").asLong());
        // w1 arrived exactly at its promise's end: on time, 1 of 1
        assertEquals(1.0, all.get("onTimeArrivalRate").asDouble(), 1e-9);
        assertEquals(90.0, all.get("timeToCompleteMedianMinutes").asDouble(), 1e-9);
        // w1 completed, w2 open: 1 of 2; w2 is a second order on asset m1 within 30 days: 1 of 2
        assertEquals(0.5, all.get("closureRate").asDouble(), 1e-9);
        assertEquals(0.5, all.get("repeatRepairRate").asDouble(), 1e-9);
        assertEquals(4.0, all.get("postRepairCsatMean").asDouble(), 1e-9);
        assertTrue(all.get("restorationMedianMinutes").isNull(), "no outage: null, not 0");
    }

    @Test
    @DisplayName("open orders, one technician's slice, the drill-down and a lifecycle answer over HTTP")
    void drillDowns() throws Exception {
        JsonNode open = await("/open", body -> body.size() == 1 && body.get(0).get("openOrders").asLong() == 1);
        // w2 was created 2 h 50 min (and the seconds since T) ago
        assertEquals(1, open.get(0).get("age1hTo4h").asLong());
        JsonNode t1 = await("/slices/technician/t1", body -> body.get(0).get("ordersCreated").asLong() == 1);
        assertEquals("t1", t1.get(0).get("value").asText());
        JsonNode waiting = await("/orders?filter=open", body -> body.size() == 1);
        assertEquals("w2", waiting.get(0).get("workOrderId").asText());
        JsonNode lifecycle = await("/orders/w1", body -> body.get("steps").size() == 4);
        assertEquals("completed", lifecycle.get("status").asText());
        // the second request is served the answer the first computed: the total goes with it
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> page = app.get(RepairRoutes.BASE + "/orders?limit=1");
            assertEquals(Optional.of("2"), page.headers().firstValue("X-Total-Count"), "request " + (i + 1));
            assertEquals(1, LiveApp.json(page.body()).size());
        }
        assertEquals(404, app.get(RepairRoutes.BASE + "/orders/nobody").statusCode());
    }

    @Test
    @DisplayName("a fan-out leg answers with this instance's partial statistics")
    void localScopeAnswersPartials() throws Exception {
        JsonNode partials = await("?scope=local", body -> body.size() == 1);
        assertEquals("all=all", partials.get(0).get("sliceKey").asText());
        assertTrue(partials.get(0).get("stats").has("created"));
    }

    private static JsonNode await(String path, Predicate<JsonNode> accepted) throws Exception {
        return app.await(RepairRoutes.BASE + path, accepted);
    }
}
