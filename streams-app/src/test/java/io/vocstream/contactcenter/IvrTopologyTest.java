package io.vocstream.contactcenter;

import static io.vocstream.events.IvrEventType.HUNG_UP;
import static io.vocstream.events.IvrEventType.MENU_ENTERED;
import static io.vocstream.events.IvrEventType.NO_INPUT;
import static io.vocstream.events.IvrEventType.SELF_SERVICE_COMPLETED;
import static io.vocstream.events.IvrEventType.SESSION_STARTED;
import static io.vocstream.events.IvrEventType.TRANSFERRED_TO_AGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vocstream.events.IvrEvent;
import io.vocstream.events.IvrEventType;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import io.vocstream.time.TimeRange;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Five sessions on IVR line "main", by hand: s1 contained after 60 s; s2 hung up after 40 s at main/billing (its last
 * node); s3 hung up after 50 s at main/outage (one no-input there); s4 transferred to an agent after 90 s (contact
 * c9); s5 hung up at main/billing, its start arriving after the hang-up (time unknown). Started 5, ended 5:
 * containment 1/5, opt-out 1/5, abandonment 3/5; time in IVR (60 + 40 + 50 + 90) / 4 = 60 s; hang-ups main/billing 2,
 * main/outage 1.
 */
class IvrTopologyTest {
    private static final TimeRange TEN = new TimeRange(ContactLifecycleTest.at("10:00:00"),
            ContactLifecycleTest.at("10:15:00"));

    private TopologyHarness harness;

    @BeforeEach
    void setUp() {
        harness = TopologyHarness.start(Map.of(), ContactCenterTopology::build,
                ContactLifecycleTest.NOON);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private static IvrEvent.Builder ivr(String session, IvrEventType type, String hhmmss, String node) {
        return Events.ivr(session, type, ContactLifecycleTest.at(hhmmss)).setIvrLine("main").setMenuNode(node);
    }

    @Test
    @DisplayName("sessions, containment, opt-out, abandonment, time in IVR and hang-up nodes by hand")
    void everyFigure() {
        IvrEvent s2HangUp = ivr("s2", HUNG_UP, "10:00:40", null).build();
        harness.pipe(
                ivr("s1", SESSION_STARTED, "10:00:00", null).build(),
                ivr("s1", MENU_ENTERED, "10:00:05", "main").build(),
                ivr("s1", MENU_ENTERED, "10:00:20", "main/billing").build(),
                ivr("s1", SELF_SERVICE_COMPLETED, "10:01:00", "main/billing/pay").build(),
                ivr("s1", HUNG_UP, "10:01:05", null).build(), // after the ending: ignored
                ivr("s2", SESSION_STARTED, "10:00:00", null).build(),
                ivr("s2", MENU_ENTERED, "10:00:10", "main/billing").build(),
                s2HangUp,
                ivr("s2", HUNG_UP, "10:00:40", null).build(), // the same step under another event id
                ivr("s3", SESSION_STARTED, "10:02:00", null).build(),
                ivr("s3", MENU_ENTERED, "10:02:10", "main/outage").build(),
                ivr("s3", NO_INPUT, "10:02:20", "main/outage").build(),
                ivr("s3", HUNG_UP, "10:02:50", "main/outage").build(),
                ivr("s4", SESSION_STARTED, "10:03:00", null).build(),
                ivr("s4", TRANSFERRED_TO_AGENT, "10:04:30", "main").setContactId("c9").setTargetQueue("billing")
                        .build(),
                ivr("s5", HUNG_UP, "10:05:00", "main/billing").build(),
                ivr("s5", SESSION_STARTED, "10:04:00", null).build());
        harness.pipe(s2HangUp); // same event id: dropped on input

        List<IvrFigures> rows = IvrQueries.rows(IvrQueries.partials(
                harness.bucketFamily(ContactCenterTopology.IVR_BUCKETS_STORE), null, TEN), "15m", line -> TEN);
        assertEquals(1, rows.size());
        IvrFigures main = rows.get(0);
        assertEquals("main", main.ivrLine());
        assertEquals(5, main.sessions());
        assertEquals(5, main.ended());
        assertEquals(0.2, main.containmentRate(), 1e-9);
        assertEquals(0.2, main.optOutRate(), 1e-9);
        assertEquals(0.6, main.abandonmentRate(), 1e-9);
        assertEquals(5, main.ratesN());
        assertEquals(60.0, main.averageSecondsInIvr(), 1e-9);
        assertEquals(4, main.timeN());
        assertEquals(1, main.noInputs());
        assertEquals(List.of(new IvrFigures.NodeHangUps("main/billing", 2, 2.0 / 3),
                new IvrFigures.NodeHangUps("main/outage", 1, 1.0 / 3)), main.hangUpNodes());

        KeyValueStore<String, IvrSession> sessions =
                harness.driver().getKeyValueStore(ContactCenterTopology.IVR_SESSIONS_STORE);
        IvrSession s4 = IvrQueries.session(sessions, "s4").get(0);
        assertEquals("c9", s4.contactId());
        assertEquals("billing", s4.targetQueue());
        assertEquals("TRANSFERRED_TO_AGENT", s4.outcome());
        assertEquals(List.of(), IvrQueries.session(sessions, "nope"));
    }
}
