package io.vocstream.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.buckets.SliceKeys;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.SurveyResponse;
import io.vocstream.events.Touchpoint;
import io.vocstream.schemas.EventTopic;
import io.vocstream.streams.DeadLetterDeserializationHandler;
import io.vocstream.streams.RejectedEventException;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import io.vocstream.time.SeriesStep;
import io.vocstream.time.TimeRange;
import io.vocstream.time.WindowName;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Survey responses through the satisfaction topology, read back from its stores as the HTTP API reads them. */
class SatisfactionTopologyTest {
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private TopologyHarness harness = TopologyHarness.start(Map.of(), SatisfactionTopology::build);

    @AfterEach
    void tearDown() {
        harness.close();
    }

    /** A new harness whose wall clock starts at {@code wallClock}, for events of another day. */
    private void restartAt(Instant wallClock) {
        harness.close();
        harness = TopologyHarness.start(Map.of(), SatisfactionTopology::build, wallClock);
    }

    private SatisfactionQueries queries() {
        return new SatisfactionQueries(harness::bucketStore);
    }

    private SliceFigures figures(String family, String dimension, String value, WindowName window, Instant now,
                                 ZoneId zone) {
        TimeRange range = window.resolve(now, zone);
        String key = SliceKeys.of(dimension, value);
        return SatisfactionQueries.figures(dimension, key, queries().slice(family, key, range));
    }

    private Map<String, SliceFigures> dimension(String family, String dimension, WindowName window, Instant now) {
        List<SlicePartial> partials = queries().slices(family, dimension, window.resolve(now, UTC));
        return SatisfactionQueries.figures(dimension, SatisfactionQueries.mergeSlices(partials)).stream()
                .collect(Collectors.toMap(SliceFigures::value, Function.identity()));
    }

    private static SurveyResponse csat(String id, Instant at, int csat) {
        return Events.survey(id, Touchpoint.AGENT, at).setCsat(csat).build();
    }

    @Test
    @DisplayName("a rolling hour counts responses out of order inside the grace once each, "
            + "and none that are too late, duplicated or out of range")
    void rollingHourWithOutOfOrderLateDuplicateAndMalformedResponses() {
        SurveyResponse first = csat("r1", NOON.plusSeconds(10), 5);
        SurveyResponse newest = csat("r2", NOON.plusSeconds(600), 4);
        SurveyResponse outOfOrder = csat("r3", NOON.plusSeconds(300), 2);        // 5 min behind: inside the grace
        SurveyResponse beforeWindow = csat("r4", NOON.minusSeconds(40 * 60), 1); // 50 min behind: on time, but
                                                                                  // outside the hour queried
        SurveyResponse tooLate = csat("r5", NOON.minusSeconds(2 * 3600), 1);    // 2 h 10 min behind: too late
        SurveyResponse outOfRange = Events.survey("r6", Touchpoint.AGENT, NOON.plusSeconds(20)).setCsat(6).build();
        harness.pipe(first, newest, outOfOrder, first, beforeWindow, tooLate, outOfRange, outOfOrder);
        harness.pipeRaw(EventTopic.SURVEY, "r7", new byte[] {0, 0, 0, 0, 1, 2}); // not a registered schema

        // 12:30 -> the rolling hour is [11:31, 12:31): r1, r2, r3
        SliceFigures f = figures(SatisfactionTopology.SLICES, "all", "all", WindowName.ROLLING_1H,
                NOON.plusSeconds(1800), UTC);
        assertEquals(3, f.n());
        assertEquals(3, f.csatN());
        // CSAT 5, 4, 2: mean 11/3; top-2 2 of 3; bottom-2 1 of 3
        assertEquals(11.0 / 3, f.csatMean(), 1e-12);
        assertEquals(100.0 * 2 / 3, f.top2Share(), 1e-9);
        assertEquals(100.0 / 3, f.bottom2Share(), 1e-9);
        // index: CSAT alone, (x − 1)/4·100 = 100, 75, 25 -> 200/3
        assertEquals(200.0 / 3, f.index(), 1e-9);
        // the figures equal those computed straight from the three responses
        SatisfactionStats direct = ResponseScores.of(first, SatisfactionConfig.defaults())
                .merge(ResponseScores.of(newest, SatisfactionConfig.defaults()))
                .merge(ResponseScores.of(outOfOrder, SatisfactionConfig.defaults()));
        assertEquals(SliceFigures.of("all", "all", direct), f);

        // the 24 h window also holds r4
        assertEquals(4, figures(SatisfactionTopology.SLICES, "all", "all", WindowName.ROLLING_24H,
                NOON.plusSeconds(1800), UTC).n());

        List<TestRecord<byte[], byte[]>> dead = harness.deadLetters(EventTopic.SURVEY);
        assertEquals(List.of(RejectedEventException.STAGE_TOO_LATE, RejectedEventException.STAGE_VALIDATION,
                DeadLetterDeserializationHandler.STAGE), dead.stream().map(TopologyHarness::stage).toList());
    }

    @Test
    @DisplayName("every dimension slices the same responses; a slice without responses has null figures")
    void slicesOfADimension() {
        harness.pipe(
                Events.survey("a", Touchpoint.AGENT, NOON).setCsat(5).setNps(10).setRegion("north").build(),
                Events.survey("b", Touchpoint.QUEUE, NOON).setCsat(1).setNps(0).setRegion("south").build(),
                Events.survey("c", Touchpoint.QUEUE, NOON).setCsat(3).setNps(8).setRegion("south").build(),
                Events.survey("d", Touchpoint.QUEUE, NOON).setCes(7).setRegion(null).build());
        Map<String, SliceFigures> regions = dimension(SatisfactionTopology.SLICES, "region", WindowName.ROLLING_15M,
                NOON);
        assertEquals(List.of("north", "south", "unknown"), regions.keySet().stream().sorted().toList());
        assertEquals(5.0, regions.get("north").csatMean());
        assertEquals(100.0, regions.get("north").nps()); // one promoter of one
        // south: CSAT 1, 3 -> mean 2; NPS 0 (detractor), 8 (passive) -> (0 − 1)/2 = −50 points
        assertEquals(2.0, regions.get("south").csatMean());
        assertEquals(-50.0, regions.get("south").nps());
        assertEquals(1, regions.get("unknown").n());
        assertNull(regions.get("unknown").csatMean());
        assertEquals(7.0, regions.get("unknown").cesMean());

        Map<String, SliceFigures> touchpoints = dimension(SatisfactionTopology.SLICES, "touchpoint",
                WindowName.ROLLING_15M, NOON);
        assertEquals(1, touchpoints.get("AGENT").n());
        assertEquals(3, touchpoints.get("QUEUE").n());

        SliceFigures nowhere = figures(SatisfactionTopology.SLICES, "region", "west", WindowName.ROLLING_15M, NOON,
                UTC);
        assertEquals(0, nowhere.n());
        assertNull(nowhere.csatMean());
        assertNull(nowhere.nps());
        assertNull(nowhere.index());
    }

    @Test
    @DisplayName("today on the day clocks go back holds 25 hours of the configured zone")
    void todayOnADaylightSavingChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2026-10-25: clocks go back at 03:00 CEST, the local day is [2026-10-24T22:00Z, 2026-10-25T23:00Z)
        restartAt(Instant.parse("2026-10-25T22:45:00Z"));
        harness.pipe(
                csat("before", Instant.parse("2026-10-24T21:30:00Z"), 1),  // 23:30 on the 24th
                csat("start", Instant.parse("2026-10-24T22:30:00Z"), 5),   // 00:30
                csat("mid", Instant.parse("2026-10-25T12:00:00Z"), 4));    // 13:00
        harness.pipe(csat("late", Instant.parse("2026-10-25T22:30:00Z"), 3)); // 23:30, 24 h after "start"
        SliceFigures today = figures(SatisfactionTopology.SLICES, "all", "all", WindowName.TODAY,
                Instant.parse("2026-10-25T22:45:00Z"), berlin);
        assertEquals(3, today.n());
        assertEquals(4.0, today.csatMean()); // (5 + 4 + 3) / 3
    }

    @Test
    @DisplayName("today on the day clocks go forward holds 23 hours of the configured zone")
    void todayOnTheDayClocksGoForward() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2026-03-29: clocks go forward at 02:00 CET, the local day is [2026-03-28T23:00Z, 2026-03-29T22:00Z)
        restartAt(Instant.parse("2026-03-29T21:45:00Z"));
        harness.pipe(
                csat("before", Instant.parse("2026-03-28T22:30:00Z"), 1),  // 23:30 on the 28th
                csat("start", Instant.parse("2026-03-28T23:30:00Z"), 5),   // 00:30
                csat("mid", Instant.parse("2026-03-29T12:00:00Z"), 4));    // 14:00
        harness.pipe(
                csat("end", Instant.parse("2026-03-29T21:30:00Z"), 3),     // 23:30
                csat("next", Instant.parse("2026-03-29T22:30:00Z"), 1));   // 00:30 on the 30th
        SliceFigures today = figures(SatisfactionTopology.SLICES, "all", "all", WindowName.TODAY,
                Instant.parse("2026-03-29T21:45:00Z"), berlin);
        assertEquals(3, today.n());
        assertEquals(4.0, today.csatMean()); // (5 + 4 + 3) / 3
    }

    @Test
    @DisplayName("a one-minute series has a step per minute, empty minutes included; hourly steps merge quarters")
    void series() {
        harness.pipe(csat("a", NOON.plusSeconds(10), 5), csat("b", NOON.plusSeconds(50), 3),
                csat("c", NOON.plusSeconds(150), 1), csat("d", NOON.plusSeconds(3700), 2));
        TimeRange threeMinutes = new TimeRange(NOON, NOON.plusSeconds(180));
        Map<Instant, SatisfactionStats> minutes = SatisfactionQueries.mergeSeries(
                queries().series(SatisfactionTopology.SLICES, SliceKeys.all(), threeMinutes, SeriesStep.MINUTE));
        assertEquals(List.of(NOON, NOON.plusSeconds(60), NOON.plusSeconds(120)), List.copyOf(minutes.keySet()));
        assertEquals(List.of(2L, 0L, 1L), minutes.values().stream().map(SatisfactionStats::responses).toList());
        assertEquals(4.0, minutes.get(NOON).csat().moments().mean()); // (5 + 3) / 2

        TimeRange twoHours = new TimeRange(NOON, NOON.plusSeconds(7200));
        Map<Instant, SatisfactionStats> hours = SatisfactionQueries.mergeSeries(
                queries().series(SatisfactionTopology.SLICES, SliceKeys.all(), twoHours, SeriesStep.HOUR));
        assertEquals(List.of(3L, 1L), hours.values().stream().map(SatisfactionStats::responses).toList());
    }

    @Test
    @DisplayName("account satisfaction weighs each respondent by role")
    void accountSatisfactionByRole() {
        harness.pipe(
                Events.survey("a", Touchpoint.AGENT, NOON).setCsat(5).setAccountId("acme")
                        .setRespondentRole("decision_maker").build(),
                Events.survey("b", Touchpoint.AGENT, NOON).setCsat(1).setAccountId("acme")
                        .setRespondentRole("user").build());
        SliceFigures acme = figures(SatisfactionTopology.SLICES, "account", "acme", WindowName.ROLLING_1H, NOON,
                UTC);
        // indices 100 (decision maker, weight 3) and 0 (user, weight 1): (3·100 + 1·0) / 4 = 75; unweighted 50
        assertEquals(75.0, acme.accountSatisfaction(), 1e-9);
        assertEquals(50.0, acme.index(), 1e-9);
    }

    @Test
    @DisplayName("satisfaction by the wait the surveyed contact's customer experienced")
    void linkageByWait() {
        harness.pipe(
                Events.contact("c1", ContactEventType.OFFERED, NOON).build(),
                Events.contact("c1", ContactEventType.ANSWERED, NOON.plusSeconds(20)).build(),  // 20 s derived
                Events.contact("c2", ContactEventType.OFFERED, NOON).build(),
                Events.contact("c2", ContactEventType.ANSWERED, NOON.plusSeconds(400))
                        .setWaitSeconds(400.0).build());                                          // 400 s measured
        harness.pipe(
                Events.survey("s1", Touchpoint.AGENT, NOON.plusSeconds(600)).setCsat(5).setContactId("c1").build(),
                Events.survey("s2", Touchpoint.AGENT, NOON.plusSeconds(600)).setCsat(1).setContactId("c2").build(),
                Events.survey("s3", Touchpoint.AGENT, NOON.plusSeconds(600)).setCsat(2).setContactId("c2").build(),
                Events.survey("s4", Touchpoint.AGENT, NOON.plusSeconds(600)).setCsat(4).setContactId("c9").build(),
                Events.survey("s5", Touchpoint.AGENT, NOON.plusSeconds(600)).setCsat(4).build());
        Map<String, SliceFigures> bands = dimension(SatisfactionTopology.WAIT, SatisfactionTopology.WAIT_DIMENSION,
                WindowName.ROLLING_1H, NOON.plusSeconds(600));
        assertEquals(List.of("gt5m", "lt30s", "unknown"), bands.keySet().stream().sorted().toList());
        assertEquals(5.0, bands.get("lt30s").csatMean());
        assertEquals(1.5, bands.get("gt5m").csatMean()); // (1 + 2) / 2
        assertEquals(1, bands.get("unknown").n());       // s4's contact is unknown; s5 has no contact
    }

    @Test
    @DisplayName("satisfaction of customers with and without a complaint open when they answered")
    void linkageByOpenComplaint() {
        harness.pipe(
                Events.complaint("k1", ComplaintEventType.OPENED, NOON.minusSeconds(600)).setCustomerId("u1").build(),
                Events.complaint("k2", ComplaintEventType.OPENED, NOON.minusSeconds(3000)).setCustomerId("u2").build(),
                Events.complaint("k2", ComplaintEventType.RESOLVED, NOON.minusSeconds(1200)).setCustomerId("u2")
                        .build(),
                Events.complaint("k3", ComplaintEventType.OPENED, NOON.plusSeconds(60)).setCustomerId("u3").build());
        harness.pipe(
                Events.survey("s1", Touchpoint.AGENT, NOON).setCsat(1).setCustomerId("u1").build(), // open
                Events.survey("s2", Touchpoint.AGENT, NOON).setCsat(5).setCustomerId("u2").build(), // resolved
                Events.survey("s3", Touchpoint.AGENT, NOON).setCsat(4).setCustomerId("u3").build(), // opened later
                Events.survey("s4", Touchpoint.AGENT, NOON).setCsat(2).setCustomerId("u4").build(), // none ever
                Events.survey("s5", Touchpoint.AGENT, NOON).setCsat(3).build());                    // anonymous
        Map<String, SliceFigures> groups = dimension(SatisfactionTopology.COMPLAINT,
                SatisfactionTopology.COMPLAINT_DIMENSION, WindowName.ROLLING_1H, NOON);
        assertEquals(1, groups.get("open").n());
        assertEquals(1.0, groups.get("open").csatMean());
        assertEquals(3, groups.get("none").n());
        assertEquals(11.0 / 3, groups.get("none").csatMean(), 1e-12); // (5 + 4 + 2) / 3
    }

    @Test
    @DisplayName("a response counted before its contact's wait ended moves to its band when the wait ends")
    void linkageByWaitMovesResponsesWhenTheContactEventsComeLater() {
        harness.pipe(Events.survey("s1", Touchpoint.AGENT, NOON.plusSeconds(600)).setCsat(4).setContactId("c1")
                .setIndicators(List.of(ResponseScoresTest.indicator("speed", 4, 3, null))).build());
        Map<String, SliceFigures> before = dimension(SatisfactionTopology.WAIT, SatisfactionTopology.WAIT_DIMENSION,
                WindowName.ROLLING_1H, NOON.plusSeconds(600));
        assertEquals(List.of("unknown"), List.copyOf(before.keySet()));

        harness.pipe(Events.contact("c1", ContactEventType.ANSWERED, NOON.plusSeconds(90)).build(), // order swapped
                Events.contact("c1", ContactEventType.OFFERED, NOON).build());                    // 90 s derived
        Map<String, SliceFigures> after = dimension(SatisfactionTopology.WAIT, SatisfactionTopology.WAIT_DIMENSION,
                WindowName.ROLLING_1H, NOON.plusSeconds(600));
        assertEquals(List.of("30s-2m"), List.copyOf(after.keySet()));
        assertEquals(SliceFigures.of(SatisfactionTopology.WAIT_DIMENSION, "30s-2m", ResponseScores.of(
                Events.survey("s1", Touchpoint.AGENT, NOON.plusSeconds(600)).setCsat(4)
                        .setIndicators(List.of(ResponseScoresTest.indicator("speed", 4, 3, null))).build(),
                SatisfactionConfig.defaults())), after.get("30s-2m"));
    }

    @Test
    @DisplayName("a complaint step arriving after a response moves it between with and without an open complaint")
    void linkageByOpenComplaintFollowsLateSteps() {
        harness.pipe(Events.survey("s1", Touchpoint.AGENT, NOON).setCsat(2).setCustomerId("u1").build());
        assertEquals(List.of("none"), List.copyOf(dimension(SatisfactionTopology.COMPLAINT,
                SatisfactionTopology.COMPLAINT_DIMENSION, WindowName.ROLLING_1H, NOON).keySet()));

        harness.pipe(Events.complaint("k1", ComplaintEventType.OPENED, NOON.minusSeconds(600)).setCustomerId("u1")
                .build());
        Map<String, SliceFigures> open = dimension(SatisfactionTopology.COMPLAINT,
                SatisfactionTopology.COMPLAINT_DIMENSION, WindowName.ROLLING_1H, NOON);
        assertEquals(List.of("open"), List.copyOf(open.keySet()));
        assertEquals(2.0, open.get("open").csatMean());

        harness.pipe(Events.complaint("k1", ComplaintEventType.RESOLVED, NOON.minusSeconds(300)).setCustomerId("u1")
                .build());
        assertEquals(List.of("none"), List.copyOf(dimension(SatisfactionTopology.COMPLAINT,
                SatisfactionTopology.COMPLAINT_DIMENSION, WindowName.ROLLING_1H, NOON).keySet()));
    }
}
