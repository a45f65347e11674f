package io.vocstream.repair;

import static io.vocstream.events.RepairEventType.ARRIVED;
import static io.vocstream.events.RepairEventType.CANCELLED;
import static io.vocstream.events.RepairEventType.COMPLETED;
import static io.vocstream.events.RepairEventType.CREATED;
import static io.vocstream.events.RepairEventType.DISPATCHED;
import static io.vocstream.events.RepairEventType.REOPENED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.buckets.SliceKeys;
import io.vocstream.events.RepairEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.RepairEventType;
import io.vocstream.events.Touchpoint;
import io.vocstream.schemas.EventTopic;
import io.vocstream.streams.RejectedEventException;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import io.vocstream.time.TimeRange;
import io.vocstream.time.WindowName;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Repair figures computed by the topology from hand-made lifecycles; expected values worked out in comments. */
class RepairTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    /** The query clock: the harness's wall clock start, 2026-11-23T12:00Z. */
    private static final Instant NOW = TopologyHarness.WALL_CLOCK_START;
    private static final double EPS = 1e-9;

    private TopologyHarness harness = start(Map.of());

    private static TopologyHarness start(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "events.grace", "PT6H",
                "repair.customers.north", "1000",
                "repair.customers.south", "3000"));
        settings.putAll(extra);
        return TopologyHarness.start(settings, RepairTopology::build);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private static RepairEvent.Builder event(String order, RepairEventType type, Instant at) {
        return Events.repair(order, type, at);
    }

    private static RepairEvent created(String order, Instant at, Instant promiseEnd) {
        return event(order, CREATED, at).setPromisedWindowStart(promiseEnd.minus(Duration.ofHours(1)))
                .setPromisedWindowEnd(promiseEnd).build();
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private RepairQueries queries() {
        return new RepairQueries(new DriverStores(harness.driver()));
    }

    private RepairFigures figures(String dimension, String value, WindowName window, Instant at) {
        TimeRange range = window.resolve(at, ZoneOffset.UTC);
        List<RepairFigures> rows = RepairQueries.figures(
                queries().sliceOf(SliceKeys.of(dimension, value), range), range,
                RepairConfig.from(harness.config()));
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private RepairFigures all(WindowName window) {
        return figures(SliceKeys.ALL, SliceKeys.ALL, window, NOW);
    }

    @Test
    @DisplayName("an out-of-order lifecycle counts only once CREATED is in, then exactly as if in order")
    void outOfOrderLifecycle() {
        harness.pipe(
                event("w1", ARRIVED, T0.plus(Duration.ofMinutes(90))).setTechnicianId("t1").build(),
                event("w1", COMPLETED, T0.plus(Duration.ofMinutes(135))).setTechnicianId("t1").build(),
                event("w1", DISPATCHED, T0.plus(Duration.ofMinutes(10))).setTechnicianId("t1").build());
        RepairFigures before = all(WindowName.ROLLING_24H);
        assertEquals(0, before.ordersCreated());
        assertNull(before.onTimeArrivalRate());
        assertEquals(0, before.onTimeArrivalN());
        assertNull(before.timeToArriveMedianMinutes());
        assertEquals("not_created", queries().lifecycleOf("w1").get(0).status());

        // promise ends 10:00; arrival at 09:30 is on time
        harness.pipe(created("w1", T0, T0.plus(Duration.ofHours(2))));

        RepairFigures after = all(WindowName.ROLLING_24H);
        assertEquals(1, after.ordersCreated());
        assertEquals(1.0, after.onTimeArrivalRate(), EPS);
        assertEquals(1, after.onTimeArrivalN());
        // time to arrive 09:30 − 08:00 = 90 min; to complete 10:15 − 08:00 = 135 min; one order: median = p90
        assertEquals(90.0, after.timeToArriveMedianMinutes(), EPS);
        assertEquals(90.0, after.timeToArriveP90Minutes(), EPS);
        assertEquals(135.0, after.timeToCompleteMedianMinutes(), EPS);
        assertEquals(1, after.timeToCompleteN());
        assertEquals(1.0, after.closureRate(), EPS);
        assertEquals(0.0, after.reopenRate(), EPS);
        assertEquals(1, after.reopenN());
        // the technician dispatched is a slice of its own, with the same order
        assertEquals(1, figures("technician", "t1", WindowName.ROLLING_24H, NOW).ordersCreated());
        assertEquals(List.of(CREATED, DISPATCHED, ARRIVED, COMPLETED),
                queries().lifecycleOf("w1").get(0).steps().stream().map(RepairQueries.StepView::type).toList());
    }

    @Test
    @DisplayName("cancelled orders count as created and cancelled, but not in on-time or closure denominators")
    void cancelledOrders() {
        harness.pipe(
                created("late", T0, T0.plus(Duration.ofHours(1))),
                created("gone", T0.plusSeconds(600), T0.plus(Duration.ofHours(1))),
                event("gone", ARRIVED, T0.plus(Duration.ofMinutes(50))).build(),
                event("gone", CANCELLED, T0.plus(Duration.ofMinutes(55))).setReason("customer away").build(),
                event("late", ARRIVED, T0.plus(Duration.ofMinutes(90))).build(),
                event("late", COMPLETED, T0.plus(Duration.ofMinutes(120))).build());

        RepairFigures f = all(WindowName.ROLLING_24H);
        assertEquals(2, f.ordersCreated());
        assertEquals(1, f.ordersCancelled());
        // only "late" counts: arrived 09:30 after its 09:00 promise → 0 of 1
        assertEquals(0.0, f.onTimeArrivalRate(), EPS);
        assertEquals(1, f.onTimeArrivalN());
        assertEquals(1, f.timeToArriveN());
        assertEquals(90.0, f.timeToArriveMedianMinutes(), EPS);
        // closure 1 completed of 1 not cancelled
        assertEquals(1.0, f.closureRate(), EPS);
        assertEquals(1, f.closureN());
    }

    @Test
    @DisplayName("arriving exactly at the end of the promised window is on time; a millisecond later is late")
    void arrivalOnThePromiseBoundary() {
        Instant promiseEnd = T0.plus(Duration.ofHours(2));
        harness.pipe(
                created("exact", T0, promiseEnd),
                created("after", T0, promiseEnd),
                event("exact", ARRIVED, promiseEnd).build(),
                event("after", ARRIVED, promiseEnd.plusMillis(1)).build());

        RepairFigures f = all(WindowName.ROLLING_24H);
        assertEquals(0.5, f.onTimeArrivalRate(), EPS);
        assertEquals(2, f.onTimeArrivalN());
        // Wilson 95 %, p = 0.5, n = 2, z² = 3.8415: centre 0.5, half-width 1.96·√(0.125 + 0.2401)/2.9207 = 0.4055
        assertEquals(0.0945, f.onTimeArrivalCiLow(), 1e-3);
        assertEquals(0.9055, f.onTimeArrivalCiHigh(), 1e-3);
        assertEquals(List.of("after"), queries().ordersOf(SliceKeys.all(),
                        WindowName.ROLLING_24H.resolve(NOW, ZoneOffset.UTC), RepairQueries.OrderFilter.LATE)
                .stream().map(RepairQueries.OrderSummary::workOrderId).toList());
    }

    @Test
    @DisplayName("a reopen counts as a reopen, a repeat and a return; a new order for the same asset as a repeat")
    void reopenVersusNewOrderForTheSameAsset() {
        harness.pipe(
                event("o1", CREATED, at("2026-11-20T08:00:00Z")).setAssetId("m1").build(),
                event("o1", COMPLETED, at("2026-11-20T10:00:00Z")).build(),
                event("o1", REOPENED, at("2026-11-21T09:00:00Z")).build(),
                event("o1", COMPLETED, at("2026-11-21T11:00:00Z")).build(),
                event("o2", CREATED, at("2026-11-22T08:00:00Z")).setAssetId("m1").build(),
                event("o2", COMPLETED, at("2026-11-22T09:00:00Z")).build(),
                event("o3", CREATED, at("2026-11-22T09:00:00Z")).setAssetId("m2").build(),
                event("o3", COMPLETED, at("2026-11-22T10:00:00Z")).build());

        RepairFigures f = all(WindowName.ROLLING_7D);
        assertEquals(3, f.ordersCreated());
        // reopen: o1 of the 3 completed orders
        assertEquals(1.0 / 3, f.reopenRate(), EPS);
        assertEquals(3, f.reopenN());
        // all three completed now (o1 again after its reopen)
        assertEquals(1.0, f.closureRate(), EPS);
        // repeats: o1 (reopened 25 h after creation, within 30 days) and o2 (2 days after o1 on m1); o3 not → 2/3
        assertEquals(2.0 / 3, f.repeatRepairRate(), EPS);
        assertEquals(3, f.repeatRepairN());
        // returns: o1 (reopened 23 h after its first completion, within 45 days); o2 and o3 nothing since → 1/3
        assertEquals(1.0 / 3, f.returnRate(), EPS);
        assertEquals(3, f.returnN());
    }

    @Test
    @DisplayName("the repeat window is configurable: with one day, a 25 h reopen and an order 2 days on are no repeats")
    void repeatWindowIsConfigurable() {
        harness.close();
        harness = start(Map.of(RepairConfig.REPEAT_WINDOW, "P1D"));
        harness.pipe(
                event("o1", CREATED, at("2026-11-20T08:00:00Z")).setAssetId("m1").build(),
                event("o1", COMPLETED, at("2026-11-20T10:00:00Z")).build(),
                event("o1", REOPENED, at("2026-11-21T09:00:00Z")).build(),
                event("o2", CREATED, at("2026-11-22T08:00:00Z")).setAssetId("m1").build());

        RepairFigures f = all(WindowName.ROLLING_7D);
        assertEquals(0.0, f.repeatRepairRate(), EPS);
        assertEquals(2, f.repeatRepairN());
    }

    @Test
    @DisplayName("an outage spanning midnight counts its customer-minutes in both days; restoration on the day it ends")
    void outageSpanningMidnight() {
        harness.pipe(
                event("out1", CREATED, at("2026-11-22T23:00:00Z")).setOutage(true).setCategory("outage")
                        .setCustomersAffected(120).build(),
                event("out1", COMPLETED, at("2026-11-23T01:30:00Z")).build());

        RepairFigures dayBefore = figures("region", "north", WindowName.TODAY, at("2026-11-22T15:00:00Z"));
        // 120 customers × 60 min (23:00 to midnight) = 7200; per customer of north's 1000: 7.2
        assertEquals(7200.0, dayBefore.customerMinutesInterrupted(), EPS);
        assertEquals(1, dayBefore.customerMinutesInterruptedN());
        assertEquals(7.2, dayBefore.interruptionMinutesPerCustomer(), EPS);
        assertEquals(1, dayBefore.outages());
        assertEquals(0.001, dayBefore.outagesPerCustomer(), EPS);
        assertNull(dayBefore.restorationMedianMinutes());
        assertEquals(0, dayBefore.restorationN());

        RepairFigures today = figures("region", "north", WindowName.TODAY, NOW);
        // 120 × 90 min (midnight to 01:30) = 10800; restored 150 min after creation
        assertEquals(10800.0, today.customerMinutesInterrupted(), EPS);
        assertEquals(10.8, today.interruptionMinutesPerCustomer(), EPS);
        assertEquals(0, today.outages());
        assertNull(today.outagesPerCustomer());
        assertEquals(150.0, today.restorationMedianMinutes(), EPS);
        assertEquals(1, today.restorationN());

        // the rolling 24 h (minute buckets) holds the whole interruption: 120 × 150 = 18000
        assertEquals(18000.0, all(WindowName.ROLLING_24H).customerMinutesInterrupted(), EPS);
        // all regions' base: 1000 + 3000
        assertEquals(4000L, all(WindowName.ROLLING_24H).customerBase());
    }

    @Test
    @DisplayName("an outage's interruption follows its first completion: unchanged by a reopen, moved by an earlier "
            + "completion arriving late")
    void outageInterruptionFollowsFirstCompletion() {
        harness.pipe(
                event("out1", CREATED, at("2026-11-22T23:00:00Z")).setOutage(true).setCategory("outage")
                        .setCustomersAffected(120).build(),
                event("out1", COMPLETED, at("2026-11-23T01:30:00Z")).build(),
                event("out1", REOPENED, at("2026-11-23T01:40:00Z")).build(),
                event("out1", COMPLETED, at("2026-11-23T01:50:00Z")).build());
        // still 23:00 to the first completion at 01:30: 120 × 150
        assertEquals(18000.0, all(WindowName.ROLLING_24H).customerMinutesInterrupted(), EPS);
        assertEquals(1, all(WindowName.ROLLING_24H).customerMinutesInterruptedN());

        harness.pipe(event("out1", COMPLETED, at("2026-11-23T00:30:00Z")).build());
        // now 23:00 to 00:30: 120 × 90 in all, 120 × 30 of it today
        assertEquals(10800.0, all(WindowName.ROLLING_24H).customerMinutesInterrupted(), EPS);
        assertEquals(1, all(WindowName.ROLLING_24H).customerMinutesInterruptedN());
        assertEquals(3600.0, figures("region", "north", WindowName.TODAY, NOW).customerMinutesInterrupted(), EPS);
    }

    @Test
    @DisplayName("an outage's interruption counts in the series steps it spans, in its region's row, and moves to the "
            + "technician assigned last")
    void outageInterruptionInSeriesAndSlices() {
        harness.pipe(
                event("out1", CREATED, at("2026-11-23T08:20:00Z")).setOutage(true).setCustomersAffected(60)
                        .setTechnicianId("t1").build(),
                event("out1", COMPLETED, at("2026-11-23T10:05:00Z")).build(),
                event("out2", CREATED, at("2026-11-23T09:00:00Z")).setOutage(true).setRegion("south")
                        .setCustomersAffected(10).build(),
                event("out2", COMPLETED, at("2026-11-23T09:30:00Z")).build());
        TimeRange today = WindowName.TODAY.resolve(NOW, ZoneOffset.UTC);
        List<RepairFigures> steps = RepairQueries.seriesFigures(queries().seriesOf(SliceKeys.all(), today,
                        Duration.ofHours(1), WindowName.TODAY.bucketSize()), SliceKeys.all(), Duration.ofHours(1),
                RepairConfig.from(harness.config()));
        // 08:00–09:00: out1 60 × 40 min = 2400; 09:00–10:00: out1 60 × 60 + out2 10 × 30 = 3900;
        // 10:00–11:00: out1 60 × 5 = 300
        assertEquals(2400.0, steps.get(8).customerMinutesInterrupted(), EPS);
        assertEquals(1, steps.get(8).customerMinutesInterruptedN());
        assertEquals(3900.0, steps.get(9).customerMinutesInterrupted(), EPS);
        assertEquals(2, steps.get(9).customerMinutesInterruptedN());
        assertEquals(300.0, steps.get(10).customerMinutesInterrupted(), EPS);
        assertNull(steps.get(11).customerMinutesInterrupted());
        assertEquals(0, steps.get(11).customerMinutesInterruptedN());

        TimeRange range = WindowName.ROLLING_24H.resolve(NOW, ZoneOffset.UTC);
        Map<String, RepairFigures> byRegion = new HashMap<>();
        RepairQueries.figures(queries().slicesOf("region", range), range, RepairConfig.from(harness.config()))
                .forEach(f -> byRegion.put(f.value(), f));
        // north: 60 × 105 min = 6300, per customer of 1000: 6.3; south: 10 × 30 = 300, per customer of 3000: 0.1
        assertEquals(6300.0, byRegion.get("north").customerMinutesInterrupted(), EPS);
        assertEquals(6.3, byRegion.get("north").interruptionMinutesPerCustomer(), EPS);
        assertEquals(300.0, byRegion.get("south").customerMinutesInterrupted(), EPS);
        assertEquals(0.1, byRegion.get("south").interruptionMinutesPerCustomer(), EPS);
        assertEquals(6300.0, figures("technician", "t1", WindowName.ROLLING_24H, NOW).customerMinutesInterrupted(),
                EPS);

        // t2, dispatched late in the outage, is the technician assigned last: the interruption is t2's only
        harness.pipe(event("out1", DISPATCHED, at("2026-11-23T09:50:00Z")).setTechnicianId("t2").build());
        assertEquals(6300.0, figures("technician", "t2", WindowName.ROLLING_24H, NOW).customerMinutesInterrupted(),
                EPS);
        assertNull(figures("technician", "t1", WindowName.ROLLING_24H, NOW).customerMinutesInterrupted());
        assertEquals(6600.0, all(WindowName.ROLLING_24H).customerMinutesInterrupted(), EPS);
    }

    @Test
    @DisplayName("customer-minutes and outages interrupted in any window equal a minute-by-minute count of the "
            + "interruptions, for outages received shuffled, duplicated and re-completed")
    void interruptionsMatchAMinuteByMinuteCount() {
        Random random = new Random(11);
        Instant start = at("2026-11-23T06:00:00Z");
        List<RepairEvent> events = new ArrayList<>();
        // each outage as the figures take it: from CREATED to its first COMPLETED, by region
        Map<String, long[]> interruptions = new HashMap<>();
        Map<String, String> regions = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            String id = "out" + i;
            String region = random.nextBoolean() ? "north" : "south";
            long from = start.toEpochMilli() + random.nextInt(4 * 3_600) * 1_000L + random.nextInt(1_000);
            long to = from + random.nextInt(90 * 60_000);
            int customers = 1 + random.nextInt(500);
            RepairEvent completed = event(id, COMPLETED, Instant.ofEpochMilli(to)).build();
            events.add(event(id, CREATED, Instant.ofEpochMilli(from)).setOutage(true).setRegion(region)
                    .setCustomersAffected(customers).build());
            events.add(completed);
            events.add(completed);
            events.add(event(id, REOPENED, Instant.ofEpochMilli(to + 60_000)).build());
            events.add(event(id, COMPLETED, Instant.ofEpochMilli(to + 120_000)).build());
            if (to > from) {
                interruptions.put(id, new long[] {from, to, customers});
                regions.put(id, region);
            }
        }
        Collections.shuffle(events, random);
        harness.pipe(events.toArray(RepairEvent[]::new));

        List<TimeRange> ranges = new ArrayList<>(List.of(WindowName.ROLLING_24H.resolve(NOW, ZoneOffset.UTC),
                WindowName.TODAY.resolve(NOW, ZoneOffset.UTC)));
        for (int i = 0; i < 20; i++) {
            Instant from = start.plusMillis(random.nextInt(5 * 3_600_000));
            ranges.add(new TimeRange(from, from.plusMillis(random.nextInt(3 * 3_600_000))));
        }
        for (TimeRange range : ranges) {
            for (String region : List.of("north", "south")) {
                // the minutes whose start is in the range, each holding the part of every interruption in it
                long customerMillis = 0;
                Set<String> interrupted = new HashSet<>();
                long firstMinute = (range.from().toEpochMilli() + 59_999) / 60_000 * 60_000;
                for (long minute = firstMinute; minute < range.to().toEpochMilli(); minute += 60_000) {
                    for (Map.Entry<String, long[]> outage : interruptions.entrySet()) {
                        long[] span = outage.getValue();
                        long overlap = Math.min(span[1], minute + 60_000) - Math.max(span[0], minute);
                        if (overlap > 0 && regions.get(outage.getKey()).equals(region)) {
                            customerMillis += span[2] * overlap;
                            interrupted.add(outage.getKey());
                        }
                    }
                }
                RepairFigures f = RepairQueries.figures(queries().sliceOf(SliceKeys.of("region", region), range),
                        range, RepairConfig.from(harness.config())).get(0);
                assertEquals(interrupted.size(), f.customerMinutesInterruptedN(), range + " " + region);
                if (interrupted.isEmpty()) {
                    assertNull(f.customerMinutesInterrupted(), range + " " + region);
                } else {
                    assertEquals(customerMillis / 60_000.0, f.customerMinutesInterrupted(), 1e-6,
                            range + " " + region);
                }
            }
        }
    }

    @Test
    @DisplayName("duplicate and too-late events leave the figures as they were")
    void lateAndDuplicateEvents() {
        RepairEvent completed = event("w1", COMPLETED, T0.plus(Duration.ofHours(3))).build();
        harness.pipe(created("w1", T0, T0.plus(Duration.ofHours(2))), completed, completed,
                // 7 h behind the newest event (11:00) with a 6 h grace: dead-lettered
                created("w0", T0.minus(Duration.ofHours(4)), T0));

        RepairFigures f = all(WindowName.ROLLING_24H);
        assertEquals(1, f.ordersCreated());
        assertEquals(1, f.timeToCompleteN());
        assertEquals(180.0, f.timeToCompleteMedianMinutes(), EPS);
        var dead = harness.deadLetters(EventTopic.REPAIR);
        assertEquals(1, dead.size());
        assertEquals(RejectedEventException.STAGE_TOO_LATE, TopologyHarness.stage(dead.get(0)));
        assertEquals(2, queries().lifecycleOf("w1").get(0).steps().size());
    }

    @Test
    @DisplayName("open now: ages against the query clock in bands, median and p90, customers without supply")
    void openNowWithAges() {
        harness.pipe(
                event("c", CREATED, at("2026-11-21T12:00:00Z")).build(),
                event("b", CREATED, at("2026-11-23T08:00:00Z")).build(),
                event("b", DISPATCHED, at("2026-11-23T08:30:00Z")).setTechnicianId("t1").build(),
                event("d", CREATED, at("2026-11-23T09:00:00Z")).build(),
                event("d", COMPLETED, at("2026-11-23T10:00:00Z")).build(),
                event("e", CREATED, at("2026-11-23T10:00:00Z")).build(),
                event("e", COMPLETED, at("2026-11-23T10:30:00Z")).build(),
                event("e", REOPENED, at("2026-11-23T11:00:00Z")).build(),
                event("a", CREATED, at("2026-11-23T11:30:00Z")).setOutage(true).setCustomersAffected(50).build());

        RepairConfig config = RepairConfig.from(harness.config());
        List<RepairQueries.OpenFigures> rows =
                RepairQueries.openFigures(queries().openOf(SliceKeys.ALL, NOW), NOW, config);
        assertEquals(1, rows.size());
        RepairQueries.OpenFigures open = rows.get(0);
        // open: a 30 min, e 2 h (reopened), b 4 h, c 48 h; d is completed
        assertEquals(4, open.openOrders());
        // nearest rank: median = 2nd of 4 = 120 min; p90 = 4th (⌈3.6⌉) = 2880 min
        assertEquals(120.0, open.ageMedianMinutes(), EPS);
        assertEquals(2880.0, open.ageP90Minutes(), EPS);
        assertEquals(2880.0, open.oldestAgeMinutes(), EPS);
        assertEquals(List.of(1L, 1L, 1L, 1L, 0L), List.of(open.ageUnder1h(), open.age1hTo4h(), open.age4hTo24h(),
                open.age1dTo3d(), open.age3dOrMore()));
        assertEquals(50, open.customersWithoutSupply());
        // by technician: only b has one
        List<RepairQueries.OpenFigures> byTechnician =
                RepairQueries.openFigures(queries().openOf("technician", NOW), NOW, config);
        // 3 without a technician, 1 with t1: most first
        assertEquals(List.of(SliceKeys.UNKNOWN, "t1"),
                byTechnician.stream().map(RepairQueries.OpenFigures::value).toList());
    }

    @Test
    @DisplayName("the orders behind an aggregate come newest first, paged and filtered")
    void ordersBehindAnAggregate() {
        harness.pipe(
                event("o1", CREATED, T0).build(),
                event("o2", CREATED, T0.plusSeconds(600)).build(),
                event("o3", CREATED, T0.plusSeconds(1200)).build(),
                event("o3", CANCELLED, T0.plusSeconds(1300)).build());
        TimeRange range = WindowName.ROLLING_24H.resolve(NOW, ZoneOffset.UTC);
        List<RepairQueries.OrderSummary> all = queries().ordersOf(SliceKeys.all(), range,
                RepairQueries.OrderFilter.ALL);

        assertEquals(List.of("o3", "o2"), ids(RepairQueries.page(all, 0, 2)));
        assertEquals(List.of("o1"), ids(RepairQueries.page(all, 2, 2)));
        assertEquals(List.of("o3"), ids(queries().ordersOf(SliceKeys.of("region", "north"), range,
                RepairQueries.OrderFilter.CANCELLED)));
        assertTrue(queries().ordersOf(SliceKeys.of("region", "south"), range, RepairQueries.OrderFilter.ALL)
                .isEmpty());
        assertEquals("cancelled", queries().lifecycleOf("o3").get(0).status());
        assertTrue(queries().lifecycleOf("nope").isEmpty());
    }

    @Test
    @DisplayName("by technician, only the top N by orders created are listed, most first")
    void technicianSlicesAreCapped() {
        harness.close();
        harness = start(Map.of(RepairConfig.TECHNICIAN_TOP, "1"));
        harness.pipe(
                event("o1", DISPATCHED, T0).setTechnicianId("t2").build(),
                event("o2", DISPATCHED, T0).setTechnicianId("t1").build(),
                event("o3", DISPATCHED, T0).setTechnicianId("t1").build(),
                event("o1", CREATED, T0).build(),
                event("o2", CREATED, T0).build(),
                event("o3", CREATED, T0).build());
        TimeRange range = WindowName.ROLLING_1H.resolve(T0.plusSeconds(60), ZoneOffset.UTC);
        List<RepairFigures> rows = RepairQueries.figures(
                queries().slicesOf("technician", range), range,
                RepairConfig.from(harness.config()));

        assertEquals(1, rows.size());
        assertEquals("t1", rows.get(0).value());
        assertEquals(2, rows.get(0).ordersCreated());
    }

    @Test
    @DisplayName("surveys and complaints about an order count in its slices, whichever arrives first; not if cancelled")
    void surveysAndComplaintsLinkedToOrders() {
        harness.pipe(
                // arrives before the order's events, and names another region than the order: the order's counts
                Events.survey("r1", Touchpoint.REPAIR, T0.plus(Duration.ofHours(3))).setWorkOrderId("w1").setCsat(5)
                        .setRegion("south").build(),
                created("w1", T0, T0.plus(Duration.ofHours(2))),
                event("w1", COMPLETED, T0.plus(Duration.ofHours(2))).build(),
                created("w2", T0.plusSeconds(600), T0.plus(Duration.ofHours(2))),
                Events.survey("r2", Touchpoint.REPAIR, T0.plus(Duration.ofHours(3))).setWorkOrderId("w2").setCsat(2)
                        .build(),
                Events.complaint("k1", ComplaintEventType.OPENED, T0.plus(Duration.ofHours(3)))
                        .setLinkedWorkOrderId("w2").build(),
                created("w3", T0.plusSeconds(1200), T0.plus(Duration.ofHours(2))),
                event("w3", CANCELLED, T0.plusSeconds(1300)).build(),
                Events.survey("r3", Touchpoint.REPAIR, T0.plus(Duration.ofHours(3))).setWorkOrderId("w3").setCsat(1)
                        .build(),
                Events.complaint("k2", ComplaintEventType.OPENED, T0.plus(Duration.ofHours(3)))
                        .setLinkedWorkOrderId("w3").build(),
                // not about a repair
                Events.survey("r4", Touchpoint.AGENT, T0.plus(Duration.ofHours(3))).setCsat(1).build());

        RepairFigures north = figures("region", "north", WindowName.ROLLING_24H, NOW);
        // CSAT 5 and 2: mean 3.5; sd² = (29 − 49/2)/1 = 4.5, half-width t(0.975; 1 df)·√(4.5/2) = 12.7062·1.5
        assertEquals(3.5, north.postRepairCsatMean(), EPS);
        assertEquals(2, north.postRepairCsatN());
        assertEquals(3.5 - 12.706205 * 1.5, north.postRepairCsatCiLow(), 1e-5);
        // top-2-box: only the 5 → 1 of 2
        assertEquals(0.5, north.postRepairTop2BoxRate(), EPS);
        // w3 is cancelled: its survey and complaint do not count; w2 of w1, w2 complained about
        assertEquals(1, north.linkedComplaints());
        assertEquals(0.5, north.complaintRate(), EPS);
        assertEquals(2, north.complaintN());
        assertEquals(0, figures("region", "south", WindowName.ROLLING_24H, NOW).postRepairCsatN());
        assertNull(figures("region", "south", WindowName.ROLLING_24H, NOW).postRepairCsatMean());
    }

    @Test
    @DisplayName("closed orders are forgotten after the retention period of event time; open ones are kept")
    void closedOrdersAreForgotten() {
        harness.close();
        harness = start(Map.of(RepairConfig.REPEAT_WINDOW, "P1D", RepairConfig.RETURN_WINDOW, "P1D",
                RepairConfig.ORDER_RETENTION, "P1D"));
        harness.pipe(
                event("done", CREATED, at("2026-11-20T08:00:00Z")).build(),
                event("done", COMPLETED, at("2026-11-20T09:00:00Z")).build(),
                event("waiting", CREATED, at("2026-11-20T08:00:00Z")).build(),
                // 3 days later: "done" was last touched more than a day ago
                event("new", CREATED, at("2026-11-23T08:00:00Z")).build());

        assertTrue(queries().lifecycleOf("done").isEmpty());
        assertEquals("open", queries().lifecycleOf("waiting").get(0).status());
        assertEquals("open", queries().lifecycleOf("new").get(0).status());
    }

    @Test
    @DisplayName("an outage's interruption is kept, once per slice, until it ended longer ago than buckets are kept")
    void interruptionsAreForgotten() {
        harness.pipe(
                event("out1", CREATED, at("2026-11-14T08:00:00Z")).setOutage(true).setCustomersAffected(5).build(),
                event("out1", COMPLETED, at("2026-11-14T09:00:00Z")).build());
        KeyValueStore<String, Interruption> interruptions =
                harness.driver().getKeyValueStore(RepairTopology.INTERRUPTIONS_STORE);
        // all, region, segment, tier, category, technician
        assertEquals(6, count(interruptions));

        // 8 days and 23 h after it ended: longer than the 8 days the quarter-hour buckets are kept
        harness.pipe(event("new", CREATED, at("2026-11-23T08:00:00Z")).build());
        assertEquals(0, count(interruptions));
    }

    private static long count(KeyValueStore<String, ?> store) {
        try (var all = store.all()) {
            long n = 0;
            for (; all.hasNext(); all.next()) {
                n++;
            }
            return n;
        }
    }

    @Test
    @DisplayName("a series has every step of the window, empty ones with nulls, each counting its own orders")
    void hourlySeries() {
        harness.pipe(
                created("a", T0, T0.plus(Duration.ofHours(2))),
                created("b", T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofHours(2))),
                created("c", T0.plus(Duration.ofMinutes(70)), T0.plus(Duration.ofHours(2))),
                event("c", ARRIVED, T0.plus(Duration.ofMinutes(100))).build());
        TimeRange today = WindowName.TODAY.resolve(NOW, ZoneOffset.UTC);
        List<RepairFigures> steps = RepairQueries.seriesFigures(queries().seriesOf(SliceKeys.all(), today,
                        Duration.ofHours(1), WindowName.TODAY.bucketSize()), SliceKeys.all(), Duration.ofHours(1),
                RepairConfig.from(harness.config()));

        assertEquals(24, steps.size());
        // 08:00–09:00 holds a (08:00) and b (08:30); 09:00–10:00 holds c (09:10) and its arrival (09:40, on time)
        assertEquals(at("2026-11-23T08:00:00Z"), steps.get(8).from());
        assertEquals(2, steps.get(8).ordersCreated());
        assertNull(steps.get(8).onTimeArrivalRate());
        assertEquals(1, steps.get(9).ordersCreated());
        assertEquals(1.0, steps.get(9).onTimeArrivalRate(), EPS);
        assertEquals(0, steps.get(10).ordersCreated());
        assertEquals(0, steps.get(10).onTimeArrivalN());
    }

    private static List<String> ids(List<RepairQueries.OrderSummary> orders) {
        return orders.stream().map(RepairQueries.OrderSummary::workOrderId).toList();
    }
}
