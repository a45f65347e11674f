package io.vocstream.contactcenter;

import static io.vocstream.events.ContactEventType.ABANDONED;
import static io.vocstream.events.ContactEventType.ANSWERED;
import static io.vocstream.events.ContactEventType.COMPLETED;
import static io.vocstream.events.ContactEventType.OFFERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.time.BucketSize;
import io.vocstream.buckets.BucketFamily;
import io.vocstream.events.AgentState;
import io.vocstream.events.ContactEvent;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import io.vocstream.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContactCenterTopologyTest {
    private static final Instant NOW = ContactLifecycleTest.NOON;
    private static final TimeRange Q1 = new TimeRange(ContactLifecycleTest.Q1, ContactLifecycleTest.Q2);

    private TopologyHarness harness;

    private void start(Map<String, String> settings) {
        harness = TopologyHarness.start(settings, ContactCenterTopology::build,
                ContactLifecycleTest.NOON);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private ReadOnlyWindowStore<String, QueueStats> buckets() {
        return harness.bucketStore(BucketFamily.storeName(ContactCenterTopology.QUEUE_BUCKETS_STORE, BucketSize.MINUTE));
    }

    private KeyValueStore<String, ContactCenterTopology.Waiting> waiting() {
        return harness.driver().getKeyValueStore(ContactCenterTopology.WAITING_STORE);
    }

    private List<QueuePartial> partials(String queue, String dimension, TimeRange range) {
        List<QueuePartial> partials = new ArrayList<>(
                QueueQueries.contactPartials(harness.bucketFamily(ContactCenterTopology.QUEUE_BUCKETS_STORE),
                        waiting(), queue, dimension, range));
        partials.addAll(QueueQueries.customerPartials(
                harness.bucketFamily(ContactCenterTopology.REPEAT_BUCKETS_STORE), queue, dimension, range));
        partials.addAll(QueueQueries.agentPartials(
                harness.driver().getKeyValueStore(ContactCenterTopology.AGENTS_STORE), queue));
        return partials;
    }

    private ServiceLevelRules rules() {
        return ContactCenterConfig.from(harness.config()).rules();
    }

    @Test
    @DisplayName("through the topology: the hand-computed quarter hour, with a duplicate and a late event")
    void quarterHourThroughTopology() {
        start(Map.of());
        List<ContactEvent> events = new ArrayList<>(ContactLifecycleTest.quarterHour());
        ContactEvent lateAbandon = events.remove(12); // c4 abandoned 10:04:45, arrives after everything else
        events.forEach(harness::pipe);
        harness.pipe(events.get(1)); // c1's answer again, same event id: dropped as a duplicate
        harness.pipe(lateAbandon);
        List<QueueRow> rows = QueueQueries.rows(partials(null, null, Q1), rules(), "interval15",
                q -> new QueueQueries.Span(Q1, Q1.from()), Q1.to());
        QueueRow billing = rows.get(0);
        assertEquals("billing", billing.queue());
        assertEquals(QueueFigures.of(new ContactLog().feed(ContactLifecycleTest.quarterHour()
                .toArray(ContactEvent[]::new)).quarter("billing", Q1.from()), ContactLifecycleTest.RULE_20S),
                billing.figures());
        assertEquals(7, billing.figures().offered());
        assertEquals(3, billing.figures().answered());
        assertEquals(2, billing.figures().abandoned());
        assertEquals(2.0 / 3, billing.figures().serviceLevel(), 1e-9);
        assertEquals(232.5, billing.figures().ahtSeconds(), 1e-9); // (270 + 450 + 120 + c2's 90 s leg) / 4
        assertEquals("tech", rows.get(1).queue());
        assertEquals(1, rows.get(1).figures().offered());
        // c6 (offered 10:14:50, answered 10:15:10) waited across the boundary; nobody is waiting any more
        assertEquals(0, billing.now().waiting());
        assertNull(billing.now().longestWaitSeconds());
    }

    @Test
    @DisplayName("slices by a dimension sum to the whole queue; contacts without a region count as unknown; a queue "
            + "whose name starts with another's stays apart, asked for alone, by dimension or with every queue")
    void slices() {
        start(Map.of());
        harness.pipe(Events.contact("r1", OFFERED, ContactLifecycleTest.at("10:00:00")).setRegion("north").build(),
                Events.contact("r2", OFFERED, ContactLifecycleTest.at("10:01:00")).setRegion("south").build(),
                Events.contact("r3", OFFERED, ContactLifecycleTest.at("10:02:00")).setRegion(null).build(),
                Events.contact("r4", OFFERED, ContactLifecycleTest.at("10:03:00")).setQueue("billing-2")
                        .setRegion("north").build());
        List<QueueRow> rows = rows(partials("billing", "region", Q1));
        assertEquals(List.of("all", "north", "south", "unknown"), rows.stream().map(QueueRow::slice).toList());
        assertEquals(List.of(3L, 1L, 1L, 1L), rows.stream().map(r -> r.figures().offered()).toList());
        assertEquals(3, rows.get(0).now().waiting());
        assertNull(rows.get(1).now());

        List<QueueRow> everyQueue = rows(partials(null, "region", Q1));
        assertEquals(List.of("billing all", "billing north", "billing south", "billing unknown", "billing-2 all",
                "billing-2 north"), everyQueue.stream().map(r -> r.queue() + " " + r.slice()).toList());
        assertEquals(List.of(3L, 1L, 1L, 1L, 1L, 1L), everyQueue.stream().map(r -> r.figures().offered()).toList());
        assertEquals(List.of("billing all 3", "billing-2 all 1"), rows(partials(null, null, Q1)).stream()
                .map(r -> r.queue() + " " + r.slice() + " " + r.figures().offered()).toList());
    }

    private List<QueueRow> rows(List<QueuePartial> partials) {
        return QueueQueries.rows(partials, rules(), "interval15", q -> new QueueQueries.Span(Q1, Q1.from()), Q1.to());
    }

    @Test
    @DisplayName("the longest wait grows with the clock while no event arrives; a wait never ended expires")
    void longestWaitAdvances() {
        start(Map.of(ContactCenterConfig.WAITING_EXPIRY, "PT30M"));
        harness.pipe(Events.contact("w1", OFFERED, NOW.minusSeconds(90)).build(),
                Events.contact("w2", OFFERED, NOW.minusSeconds(30)).build(),
                Events.contact("w3", OFFERED, NOW.minusSeconds(60)).setQueue("tech").build(),
                Events.contact("w3", ABANDONED, NOW.minusSeconds(10)).setQueue("tech").build());
        TimeRange lastHour = new TimeRange(NOW.minus(Duration.ofHours(1)), NOW.plusSeconds(60));
        QueueNow.Figures first = QueueQueries.rows(partials("billing", null, lastHour), rules(), "1h",
                q -> new QueueQueries.Span(lastHour, NOW), NOW).get(0).now();
        assertEquals(2, first.waiting());
        assertEquals(90.0, first.longestWaitSeconds(), 1e-9);

        harness.advanceWallClock(Duration.ofMinutes(5)); // punctuation runs, nothing arrives
        Instant later = NOW.plus(Duration.ofMinutes(5));
        QueueNow.Figures second = QueueQueries.rows(partials("billing", null, lastHour), rules(), "1h",
                q -> new QueueQueries.Span(lastHour, later), later).get(0).now();
        assertEquals(2, second.waiting());
        assertEquals(390.0, second.longestWaitSeconds(), 1e-9);

        harness.advanceWallClock(Duration.ofMinutes(24)); // w1 has waited 30.5 minutes (past the expiry), w2 29.5
        assertEquals(List.of("billing|w2"), keys(waiting()));
    }

    @Test
    @DisplayName("an agent logging out mid-contact leaves the queue's agents; the contact still counts as handled by them")
    void agentLogsOutMidContact() {
        start(Map.of());
        Instant t = ContactLifecycleTest.at("10:00:00");
        harness.pipe(Events.agent("a1", AgentState.LOGGED_IN, t).setQueues(List.of("billing")).build(),
                Events.agent("a2", AgentState.AVAILABLE, t).setQueues(List.of("billing", "tech")).build(),
                Events.agent("a1", AgentState.BUSY, t.plusSeconds(60)).setContactId("k1").build(),
                Events.contact("k1", OFFERED, t.plusSeconds(50)).build(),
                Events.contact("k1", ANSWERED, t.plusSeconds(60)).setAgentId("a1").build());
        QueueNow.Figures before = QueueQueries.rows(partials("billing", null, Q1), rules(), "interval15",
                q -> new QueueQueries.Span(Q1, Q1.from()), Q1.to()).get(0).now();
        assertEquals(1, before.agentsBusy());
        assertEquals(1, before.agentsAvailable());
        assertEquals(0.5, before.occupancy(), 1e-9);

        harness.pipe(Events.agent("a1", AgentState.LOGGED_OUT, t.plusSeconds(120)).build(),
                Events.contact("k1", COMPLETED, t.plusSeconds(300)).setAgentId("a1")
                        .setTalkSeconds(200.0).setHoldSeconds(20.0).setWrapUpSeconds(0.0).build());
        QueueRow after = QueueQueries.rows(partials("billing", null, Q1), rules(), "interval15",
                q -> new QueueQueries.Span(Q1, Q1.from()), Q1.to()).get(0);
        assertEquals(0, after.now().agentsBusy());
        assertEquals(1, after.now().agentsLoggedIn());
        assertEquals(0.0, after.now().occupancy(), 1e-9);
        assertEquals(220.0, after.figures().ahtSeconds(), 1e-9);
        AgentStats a1 = io.vocstream.buckets.BucketQueries.merged(
                harness.<AgentStats>bucketFamily(ContactCenterTopology.AGENT_BUCKETS_STORE), "a1", Q1, AgentStats.EMPTY);
        assertEquals(new AgentStats(1, 1, 1, 220, 0), a1);
    }

    @Test
    @DisplayName("interval rows: each judged by the rule version in force when it opened")
    void intervalsWithRuleChange() {
        start(Map.of(ContactCenterConfig.SERVICE_LEVEL + "billing", "threshold=20s formula=answered short-abandon=5s;"
                + " from=2026-03-02T10:15:00Z threshold=10s formula=answered+abandoned short-abandon=5s"));
        ContactLifecycleTest.quarterHour().forEach(harness::pipe);
        TimeRange half = new TimeRange(ContactLifecycleTest.Q1, ContactLifecycleTest.Q2.plus(Duration.ofMinutes(15)));
        List<QueueRow> rows = QueueQueries.intervalRows(QueueQueries.intervalPartials(buckets(), "billing", half,
                Duration.ofMinutes(15)), rules(), "billing", half, Duration.ofMinutes(15), "interval15");
        assertEquals(2, rows.size());
        assertEquals(1, rows.get(0).figures().serviceLevelRuleVersion());
        assertEquals(2.0 / 3, rows.get(0).figures().serviceLevel(), 1e-9);
        assertEquals(2, rows.get(1).figures().serviceLevelRuleVersion());
        assertEquals(0.0, rows.get(1).figures().serviceLevel(), 1e-9); // c6 waited 20 s, more than 10 s
        assertEquals(ContactLifecycleTest.Q2, rows.get(1).from());
    }

    @Test
    @DisplayName("repeat-contact rate: contacts of the same customer within the window, across partitions of contacts")
    void repeatContacts() {
        start(Map.of(ContactCenterConfig.REPEAT_WINDOW, "P1D"));
        harness.pipe(Events.contact("p1", OFFERED, ContactLifecycleTest.at("10:00:00")).setCustomerId("cu1").build(),
                Events.contact("p2", OFFERED, ContactLifecycleTest.at("10:05:00")).setCustomerId("cu1").build(),
                Events.contact("p2", OFFERED, ContactLifecycleTest.at("10:06:00")).setCustomerId("cu1")
                        .setQueue("tech").build(), // a transfer: the same contact, not a repeat
                Events.contact("p3", OFFERED, ContactLifecycleTest.at("10:07:00")).setCustomerId("cu2").build(),
                Events.contact("p4", OFFERED, ContactLifecycleTest.at("10:08:00")).build()); // no customer
        QueueFigures billing = QueueQueries.rows(partials("billing", null, Q1), rules(), "interval15",
                q -> new QueueQueries.Span(Q1, Q1.from()), Q1.to()).get(0).figures();
        assertEquals(1, billing.repeatContacts());
        assertEquals(3, billing.repeatContactRateN()); // p1, p2, p3; p4 names no customer
        assertEquals(1.0 / 3, billing.repeatContactRate(), 1e-9);
    }

    private static <V> List<String> keys(KeyValueStore<String, V> store) {
        List<String> keys = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
