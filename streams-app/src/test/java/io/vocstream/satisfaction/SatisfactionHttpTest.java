package io.vocstream.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.Touchpoint;
import io.vocstream.testing.LiveApp;
import io.vocstream.testing.Events;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Survey responses produced to the real (embedded) broker, read back as satisfaction figures over HTTP. */
class SatisfactionHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The whole minute ten minutes ago: responses up to 500 s later fall in the quarter hour ending now. */
    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));

    @TempDir
    static Path dataDir;
    private static LiveApp app;

    @BeforeAll
    static void start() throws Exception {
        app = LiveApp.start(dataDir, Map.of());
        app.produce(
                Events.contact("c1", ContactEventType.OFFERED, T).build(),
                Events.contact("c1", ContactEventType.ANSWERED, T.plusSeconds(400)).build(),
                Events.survey("s1", Touchpoint.QUEUE, T.plusSeconds(500)).setCsat(2).setNps(3).setContactId("c1")
                        .setRegion("north").build(),
                Events.survey("s2", Touchpoint.AGENT, T.plusSeconds(30)).setCsat(5).setNps(10).setRegion("north")
                        .build(),
                Events.survey("s3", Touchpoint.AGENT, T).setCsat(4).setNps(9).setRegion("south").build());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @DisplayName("the slices of a dimension carry the figures of their responses")
    void slicesOfRegion() throws Exception {
        JsonNode rows = await("/slices?dimension=region&window=15m",
                body -> body.size() == 2 && body.get(0).get("n").asLong() == 2);
        JsonNode north = rows.get(0);
        assertEquals("north", north.get("value").asText());
        // CSAT 2 and 5: mean 3.5; top-2 1 of 2 = 50 %; NPS 3 (detractor), 10 (promoter): 0 points
        assertEquals(3.5, north.get("csatMean").asDouble(), 1e-9);
        assertEquals(50.0, north.get("top2Share").asDouble(), 1e-9);
        assertEquals(0.0, north.get("nps").asDouble(), 1e-9);
        assertTrue(north.get("cesMean").isNull(), "no CES asked: null, not 0");
        assertEquals(0, north.get("cesN").asLong());
    }

    @Test
    @DisplayName("one slice, the journey and the wait linkage answer over HTTP")
    void sliceJourneyAndLinkage() throws Exception {
        JsonNode all = await("/slice?window=15m", body -> body.get("n").asLong() == 3);
        assertEquals(11.0 / 3, all.get("csatMean").asDouble(), 1e-9); // (2 + 5 + 4) / 3

        JsonNode journey = await("/journey?window=15m", body -> body.get(1).get("n").asLong() == 1);
        // QUEUE index: csat 25 (0.4), nps 30 (0.2) -> 16/0.6 = 26.667; AGENT: (40 + 20)/0.6 = 100, (30 + 18)/0.6 = 80
        assertEquals("QUEUE", journey.get(1).get("touchpoint").asText());
        assertEquals(80.0 / 3, journey.get(1).get("index").asDouble(), 1e-9);
        assertEquals(90.0, journey.get(2).get("index").asDouble(), 1e-9);

        JsonNode bands = await("/linkage?by=wait&window=15m", body -> body.size() == 1);
        assertEquals("gt5m", bands.get(0).get("value").asText()); // 400 s waited: 5 minutes or more
        assertEquals(2.0, bands.get(0).get("csatMean").asDouble(), 1e-9);
    }

    @Test
    @DisplayName("a one-minute series has a row per minute, minutes without responses included with null figures")
    void minuteSeries() throws Exception {
        String range = "&from=" + T + "&to=" + T.plus(Duration.ofMinutes(10));
        JsonNode steps = await("/series?dimension=region&value=north&step=1m" + range,
                body -> body.size() == 10 && body.get(8).get("n").asLong() == 1);
        // north: s2 at T + 30 s (minute 0), s1 at T + 500 s (minute 8)
        assertEquals(T.toString(), steps.get(0).get("time").asText());
        assertEquals(5.0, steps.get(0).get("csatMean").asDouble(), 1e-9);
        assertEquals(0, steps.get(1).get("n").asLong());
        assertTrue(steps.get(1).get("csatMean").isNull());
        assertEquals(2.0, steps.get(8).get("csatMean").asDouble(), 1e-9);
    }

    @Test
    @DisplayName("a fan-out leg answers with this instance's partial statistics")
    void localScopeAnswersPartials() throws Exception {
        JsonNode partials = await("/slices?dimension=region&window=15m&scope=local", body -> body.size() == 2);
        assertEquals("region=north", partials.get(0).get("slice").asText());
        assertEquals(2, partials.get(0).get("stats").get("responses").asLong());
    }

    @Test
    @DisplayName("bad parameters are 400s naming the parameter")
    void badParameters() throws Exception {
        assertBad("/slices?dimension=planet", "dimension");
        assertBad("/slices?window=2h", "window");
        assertBad("/slice?dimension=region", "value");
        assertBad("/series?step=5m", "step");
        assertBad("/series?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from");
        assertBad("/series?at=never&from=yesterday", "from");
        assertBad("/linkage?by=weather", "by");
    }

    @Test
    @DisplayName("the OpenAPI document describes every satisfaction route")
    void documented() throws Exception {
        JsonNode doc = LiveApp.json(app.get("/api/v1/openapi.json").body());
        for (String route : new String[] {"slices", "slice", "series", "journey", "linkage"}) {
            assertTrue(doc.at("/paths/~1api~1v1~1satisfaction~1" + route + "/get").isObject(), route);
        }
        assertTrue(doc.at("/components/schemas/SatisfactionSlice/properties/nps/description").asText()
                .contains("promoters − detractors"));
    }

    private static void assertBad(String path, String parameter) throws Exception {
        app.assertBadParameter(SatisfactionRoutes.BASE + path, parameter);
    }

    private static JsonNode await(String path, Predicate<JsonNode> accepted) throws Exception {
        return app.await(SatisfactionRoutes.BASE + path, accepted);
    }
}
