package io.vocstream.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ComplaintReasonClass;
import io.vocstream.events.ContactEventType;
import io.vocstream.http.ApiServer;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import io.vocstream.time.TimeRange;
import io.vocstream.time.WindowName;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Complaint KPIs on one day's hand-made lifecycles. In region north (category billing, promise 48 h):
 * <pre>
 * c1  customer A  OPENED 08:00  FIRST_RESPONSE 10:00  RESOLVED 11:00 (substantiated, SERVICE_BEHAVIOUR)  CLOSED 11:30
 * c2  customer A  RESOLVED 09:30 arrives first (unsubstantiated, POLICY_MISUNDERSTANDING), then OPENED 08:30,
 *                 FIRST_RESPONSE 09:00; c1's OPENED arrives after c2's, which makes c2 a repeat only then
 * c3  customer B  OPENED 08:45  FIRST_RESPONSE 08:50  RESOLVED 09:45  REOPENED 10:15  APPEALED 10:30 (open again)
 * </pre>
 * In region south: c4 (outage, promise PT1H) OPENED 09:00, piped twice and resent with a new event id, no
 * response. In region east: c5 OPENED yesterday 23:30, RESOLVED today 08:10 (its cohort is yesterday).
 * Contacts: 8 ANSWERED and 2 OFFERED in north. Customer base of north: 120,000.
 */
class ComplaintKpisTopologyTest {
    private static final Instant DAY = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    /** Nearest-rank quantiles come from the histogram within 1 %. */
    private static final double WITHIN_1_PERCENT = 0.01;

    private TopologyHarness harness;

    @BeforeEach
    void start() {
        harness = TopologyHarness.start(Map.of("events.grace", "PT12H",
                "complaints.first-response.promise.outage", "PT1H",
                "complaints.customers.region.north", "120000"), ComplaintsTopology::build);
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-11-23T" + hhmm + ":00Z");
    }

    private static ComplaintEvent.Builder step(String id, ComplaintEventType type, String hhmm) {
        return Events.complaint(id, type, at(hhmm));
    }

    private void pipeDay() {
        harness.pipe(Events.complaint("c5", ComplaintEventType.OPENED, Instant.parse("2026-11-22T23:30:00Z"))
                .setRegion("east").build());
        harness.pipe(step("c5", ComplaintEventType.RESOLVED, "08:10").setRegion("east").build());
        harness.pipe(
                step("c2", ComplaintEventType.RESOLVED, "09:30").setSubstantiated(false)
                        .setReasonClass(ComplaintReasonClass.POLICY_MISUNDERSTANDING).build(),
                step("c2", ComplaintEventType.OPENED, "08:30").setCustomerId("A").build(),
                step("c1", ComplaintEventType.OPENED, "08:00").setCustomerId("A").build(),
                step("c2", ComplaintEventType.FIRST_RESPONSE, "09:00").build(),
                step("c1", ComplaintEventType.FIRST_RESPONSE, "10:00").build(),
                step("c1", ComplaintEventType.RESOLVED, "11:00").setSubstantiated(true)
                        .setReasonClass(ComplaintReasonClass.SERVICE_BEHAVIOUR).build(),
                step("c1", ComplaintEventType.CLOSED, "11:30").build(),
                step("c3", ComplaintEventType.OPENED, "08:45").setCustomerId("B").build(),
                step("c3", ComplaintEventType.FIRST_RESPONSE, "08:50").build(),
                step("c3", ComplaintEventType.RESOLVED, "09:45").build(),
                step("c3", ComplaintEventType.REOPENED, "10:15").build(),
                step("c3", ComplaintEventType.APPEALED, "10:30").build());
        ComplaintEvent c4 = step("c4", ComplaintEventType.OPENED, "09:00").setCategory("outage").setRegion("south")
                .build();
        harness.pipe(c4, c4, step("c4", ComplaintEventType.OPENED, "09:00").setCategory("outage")
                .setRegion("south").build());
        for (int i = 0; i < 8; i++) {
            harness.pipe(Events.contact("k" + i, ContactEventType.ANSWERED, at("09:00").plusSeconds(60L * i)).build());
        }
        harness.pipe(Events.contact("k8", ContactEventType.OFFERED, at("09:00")).build(),
                Events.contact("k9", ContactEventType.OFFERED, at("09:01")).build());
    }

    private List<ComplaintKpiRow> kpis(String dimension, WindowName window) {
        TimeRange range = window.resolve(NOW, ZoneOffset.UTC);
        List<SlicePartial> partials = ComplaintQueries.slicePartials(name -> harness.bucketStore(name),
                dimension, range);
        return ComplaintQueries.kpiRows(dimension, window, range, partials,
                ComplaintSettings.from(harness.config().settings()));
    }

    private static ComplaintKpiRow row(List<ComplaintKpiRow> rows, String value) {
        return rows.stream().filter(r -> r.value().equals(value)).findFirst().orElseThrow(
                () -> new AssertionError("no row " + value + " in " + rows));
    }

    @Test
    @DisplayName("north's KPIs over 24 h: out-of-order lifecycle, a reopen, an appeal, a late repeat complaint")
    void lifecycleKpisOfOneRegion() {
        pipeDay();
        ComplaintKpiRow north = row(kpis("region", WindowName.ROLLING_24H), "north");
        assertEquals(3, north.opened());
        // first responses 2 h, 30 min, 5 min = 7200, 1800, 300 s: median is the 2nd of 3, p90 the 3rd (ceil 2.7)
        assertEquals(3, north.firstResponseN());
        assertEquals(1800, north.firstResponseMedianSeconds(), 1800 * WITHIN_1_PERCENT);
        assertEquals(7200, north.firstResponseP90Seconds(), 7200 * WITHIN_1_PERCENT);
        assertEquals(1.0, north.onTimeFirstResponseRate()); // all within 48 h
        // resolutions 3 h, 1 h, 1 h = 10800, 3600, 3600 s
        assertEquals(3, north.resolvedN());
        assertEquals(3600, north.resolveMedianSeconds(), 3600 * WITHIN_1_PERCENT);
        assertEquals(10800, north.resolveP90Seconds(), 10800 * WITHIN_1_PERCENT);
        assertEquals(1.0, north.resolvedWithin24hRate());
        assertEquals(1.0, north.resolvedWithin8WeeksRate());
        assertEquals(2.0 / 3, north.closureRate(), 1e-12); // c1 closed, c2 resolved; c3 reopened
        assertEquals(1.0 / 3, north.reopenRate(), 1e-12); // c3 of 3 resolved
        assertEquals(1.0 / 3, north.appealRate(), 1e-12); // c3 of 3 opened
        assertEquals(2, north.classifiedN());
        assertEquals(0.5, north.substantiatedShare());
        assertEquals(Map.of("SERVICE_BEHAVIOUR", 0.5, "POLICY_MISUNDERSTANDING", 0.5), north.reasonClassShares());
        assertEquals(3, north.repeatN());
        assertEquals(1.0 / 3, north.repeatComplaintShare(), 1e-12); // c2, within 30 days after c1 of customer A
        assertEquals(8, north.answeredContacts());
        assertEquals(375.0, north.complaintsPer1000Contacts(), 1e-9); // 3 / 8 x 1,000
        assertEquals(120_000L, north.customers());
        assertEquals(0.25, north.complaintsPer10000Customers(), 1e-12); // 3 / 120,000 x 10,000
    }

    @Test
    @DisplayName("a complaint without responses or resolution has null figures with n = 0; duplicates count once")
    void figuresWithNothingToMeasureAreNull() {
        pipeDay();
        ComplaintKpiRow south = row(kpis("region", WindowName.ROLLING_24H), "south");
        assertEquals(1, south.opened()); // c4 piped twice and resent: one complaint
        assertEquals(0, south.firstResponseN());
        assertNull(south.firstResponseMedianSeconds());
        assertNull(south.onTimeFirstResponseRate());
        assertEquals(0, south.resolvedN());
        assertNull(south.resolveP90Seconds());
        assertNull(south.reopenRate());
        assertEquals(0.0, south.closureRate());
        assertNull(south.substantiatedShare());
        assertNull(south.repeatComplaintShare());
        assertNull(south.complaintsPer1000Contacts()); // no contacts of south
        assertNull(south.customers());
        assertNull(south.complaintsPer10000Customers()); // no customer base configured

        // as the HTTP API writes it: a flat row, nulls kept (not dropped), instants as ISO-8601
        JsonNode json = ApiServer.jsonMapper().valueToTree(south);
        assertTrue(json.get("firstResponseMedianSeconds").isNull());
        assertEquals(1, json.get("opened").asLong());
        assertEquals("2026-11-22T12:01:00Z", json.get("from").asText()); // 24 hours of whole minutes, ending with 12:00's minute
    }

    @Test
    @DisplayName("a complaint opened before midnight and resolved today counts in yesterday's cohort")
    void cohortIsTheOpeningBucket() {
        pipeDay();
        ComplaintKpiRow east = row(kpis("region", WindowName.ROLLING_24H), "east");
        assertEquals(1, east.opened());
        assertEquals(1, east.resolvedN());
        // 23:30 to 08:10 = 8 h 40 min = 31200 s
        assertEquals(31200, east.resolveMedianSeconds(), 31200 * WITHIN_1_PERCENT);
        assertEquals(List.of("north", "south"),
                kpis("region", WindowName.TODAY).stream().map(ComplaintKpiRow::value).toList());
        assertEquals(4, row(kpis("all", WindowName.TODAY), "all").opened()); // c1-c4
    }

    @Test
    @DisplayName("the backlog counts open complaints by age at the query clock, and overdue first responses")
    void backlogAtTheQueryClock() {
        pipeDay();
        ReadOnlyKeyValueStore<String, OpenComplaint> open =
                harness.driver().getKeyValueStore(ComplaintLifecycles.OPEN_STORE);
        List<BacklogRow> rows = ComplaintQueries.backlogRows("region", NOW,
                ComplaintQueries.backlogPartials(open, "region", NOW));
        assertEquals(List.of("north", "south"), rows.stream().map(BacklogRow::value).toList());
        BacklogRow north = rows.get(0); // c3, reopened, opened 08:45
        assertEquals(1, north.open());
        assertEquals(1, north.ageUnder1d());
        assertEquals(0, north.overdueFirstResponse());
        assertEquals(11700.0, north.oldestAgeSeconds()); // 08:45 to 12:00 = 3 h 15 min
        BacklogRow south = rows.get(1); // c4, due 10:00 (promise PT1H), unanswered at 12:00
        assertEquals(1, south.overdueFirstResponse());
        // four days later c4 is in the 3-7 day band
        BacklogRow later = ComplaintQueries.backlogRows("region", NOW.plus(java.time.Duration.ofDays(4)),
                ComplaintQueries.backlogPartials(open, "region", NOW.plus(java.time.Duration.ofDays(4)))).get(1);
        assertEquals(1, later.age3dTo7d());
    }

    @Test
    @DisplayName("the ids behind an aggregate come newest first, paged; a lifecycle shows its steps in event order")
    void idsAndLifecycle() {
        pipeDay();
        ReadOnlyKeyValueStore<String, ComplaintCase> cases =
                harness.driver().getKeyValueStore(ComplaintLifecycles.CASES_STORE);
        TimeRange range = WindowName.ROLLING_24H.resolve(NOW, ZoneOffset.UTC);
        List<ComplaintIdPage> partials = List.of(ComplaintQueries.localIds(cases, "region=north", range, 4));
        ComplaintIdPage first = ComplaintQueries.idPage(partials, 1, 2);
        assertEquals(3, first.total());
        assertEquals(List.of("c3", "c2"), first.ids().stream().map(ComplaintIdRow::complaintId).toList());
        assertEquals(List.of("c1"), ComplaintQueries.idPage(partials, 2, 2).ids().stream()
                .map(ComplaintIdRow::complaintId).toList());

        ComplaintLifecycle c2 = ComplaintLifecycle.of(cases.get("c2"));
        assertEquals(List.of("OPENED", "FIRST_RESPONSE", "RESOLVED"),
                c2.steps().stream().map(ComplaintLifecycle.LifecycleStep::type).toList());
        assertEquals("RESOLVED", c2.state());
        assertEquals(at("08:30"), c2.openedAt());
        Function<String, Boolean> isOpen = id -> ComplaintLifecycle.of(cases.get(id)).open();
        assertEquals(true, isOpen.apply("c3"));
        assertEquals(false, isOpen.apply("c1"));
    }
}
