package io.vocstream.contactcenter;

import static io.vocstream.events.ContactEventType.ABANDONED;
import static io.vocstream.events.ContactEventType.ANSWERED;
import static io.vocstream.events.ContactEventType.CALLBACK_COMPLETED;
import static io.vocstream.events.ContactEventType.CALLBACK_REQUESTED;
import static io.vocstream.events.ContactEventType.COMPLETED;
import static io.vocstream.events.ContactEventType.OFFERED;
import static io.vocstream.events.ContactEventType.TRANSFERRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.testing.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One quarter hour of queue "billing", computed by hand:
 * <pre>
 * c1 offered 10:00:00, answered 10:00:12 (wait derived: 12 s), completed 10:05 talk 200 hold 30 wrap 40 (270 s)
 * c2 offered 10:01:00, answered 10:01:30 (30 s), transferred 10:03 to "tech"; offered to tech 10:03:00,
 *    answered 10:03:10 (10 s), completed in tech 10:08 talk 100 wrap 20 (120 s)
 * c3 offered 10:02:00, abandoned 10:02:03 (3 s: a short abandon under 5 s)
 * c4 offered 10:04:00, abandoned 10:04:45 (wait derived: 45 s)
 * c5 offered 10:05:00, answered 10:05:20 (20 s, exactly T), completed 10:10 talk 300 hold 60 wrap 90 (450 s)
 * c6 offered 10:14:50, answered 10:15:10 (20 s) -- spans the boundary: offered in 10:00, answered in 10:15
 * c7 offered 10:06:00, callback requested 10:07 (60 s), callback completed 10:12 talk 100 wrap 20 (120 s)
 * billing 10:00-10:15: offered 7, answered 3 (12, 30, 20 s; 2 within 20 s), abandoned 2 (1 short)
 * </pre>
 */
class ContactLifecycleTest {
    static final Instant Q1 = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant Q2 = Instant.parse("2026-03-02T10:15:00Z");
    /** A wall clock for topologies fed these events. */
    static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
    static final ServiceLevelRule RULE_20S =
            ServiceLevelRule.parse("billing", 1, "threshold=20s formula=answered short-abandon=5s target=80%");

    static Instant at(String hhmmss) {
        return Instant.parse("2026-03-02T" + hhmmss + "Z");
    }

    static ContactEvent event(String contact, ContactEventType type, String hhmmss, String queue, Double wait) {
        return Events.contact(contact, type, at(hhmmss)).setQueue(queue).setWaitSeconds(wait).build();
    }

    static ContactEvent completed(String contact, ContactEventType type, String hhmmss, String queue, String agent,
                                  double talk, double hold, double wrap) {
        return Events.contact(contact, type, at(hhmmss)).setQueue(queue).setAgentId(agent)
                .setTalkSeconds(talk).setHoldSeconds(hold).setWrapUpSeconds(wrap).build();
    }

    static List<ContactEvent> quarterHour() {
        return List.of(
                event("c1", OFFERED, "10:00:00", "billing", null),
                Events.contact("c1", ANSWERED, at("10:00:12")).setQueue("billing").setAgentId("a1").build(),
                completed("c1", COMPLETED, "10:05:00", "billing", "a1", 200, 30, 40),
                event("c2", OFFERED, "10:01:00", "billing", null),
                Events.contact("c2", ANSWERED, at("10:01:30")).setAgentId("a2").setWaitSeconds(30.0).build(),
                Events.contact("c2", TRANSFERRED, at("10:03:00")).setAgentId("a2").setTransferToQueue("tech").build(),
                event("c2", OFFERED, "10:03:00", "tech", null),
                Events.contact("c2", ANSWERED, at("10:03:10")).setQueue("tech").setAgentId("a3").build(),
                completed("c2", COMPLETED, "10:08:00", "tech", "a3", 100, 0, 20),
                event("c3", OFFERED, "10:02:00", "billing", null),
                event("c3", ABANDONED, "10:02:03", "billing", 3.0),
                event("c4", OFFERED, "10:04:00", "billing", null),
                event("c4", ABANDONED, "10:04:45", "billing", null),
                event("c5", OFFERED, "10:05:00", "billing", null),
                Events.contact("c5", ANSWERED, at("10:05:20")).setAgentId("a1").setWaitSeconds(20.0).build(),
                completed("c5", COMPLETED, "10:10:00", "billing", "a1", 300, 60, 90),
                event("c6", OFFERED, "10:14:50", "billing", null),
                Events.contact("c6", ANSWERED, at("10:15:10")).setAgentId("a2").build(),
                event("c7", OFFERED, "10:06:00", "billing", null),
                event("c7", CALLBACK_REQUESTED, "10:07:00", "billing", 60.0),
                completed("c7", CALLBACK_COMPLETED, "10:12:00", "billing", "a2", 100, 0, 20));
    }

    static ContactLog fed(List<ContactEvent> events) {
        return new ContactLog().feed(events.toArray(ContactEvent[]::new));
    }

    @Test
    @DisplayName("every queue figure of the quarter hour matches the hand computation")
    void everyFigure() {
        QueueFigures f = QueueFigures.of(fed(quarterHour()).quarter("billing", Q1), RULE_20S);
        assertEquals(7, f.offered());
        assertEquals(3, f.answered());
        assertEquals(2, f.abandoned());
        assertEquals(1, f.shortAbandons());
        assertEquals(2, f.shortAbandonsN());
        assertEquals(0.25, f.abandonmentRate(), 1e-9); // (2 - 1) / (3 + 2 - 1)
        assertEquals(4, f.abandonmentRateN());
        assertEquals(62.0 / 3, f.asaSeconds(), 1e-9); // (12 + 30 + 20) / 3
        assertEquals(3, f.asaN());
        assertEquals(170.0 / 6, f.averageWaitSeconds(), 1e-9); // (12 + 30 + 20 + 3 + 45 + 60) / 6
        assertEquals(60.0, f.maxWaitSeconds(), 1e-9);
        assertEquals(6, f.waitN());
        assertEquals(2.0 / 3, f.serviceLevel(), 1e-9); // 12 s and 20 s are within 20 s, 30 s is not
        assertEquals(2, f.answeredWithinThreshold());
        assertEquals(3, f.serviceLevelN());
        assertEquals("answered", f.serviceLevelFormula());
        assertEquals(0.8, f.serviceLevelTarget(), 1e-9);
        // (270 + 450 + 120 + 90) / 4: c2's leg here ran from its answer at 10:01:30 to its transfer at 10:03:00
        assertEquals(232.5, f.ahtSeconds(), 1e-9);
        assertEquals(4, f.ahtN());
        assertEquals(3, f.handled());
        assertEquals(1, f.transfers());
        assertEquals(1.0 / 3, f.transferRate(), 1e-9);
        assertEquals(1, f.callbacksRequested());
        assertEquals(1, f.callbacksCompleted());
    }

    @Test
    @DisplayName("a transfer counts out of the first queue and as a new contact offered to the second")
    void transferBetweenQueues() {
        QueueFigures tech = QueueFigures.of(fed(quarterHour()).quarter("tech", Q1), RULE_20S);
        assertEquals(1, tech.offered());
        assertEquals(1, tech.answered());
        assertEquals(10.0, tech.asaSeconds(), 1e-9);
        assertEquals(1.0, tech.serviceLevel(), 1e-9);
        assertEquals(120.0, tech.ahtSeconds(), 1e-9);
        assertEquals(0, tech.transfers());
    }

    @Test
    @DisplayName("a transfer reporting its leg's times counts them; one arriving before its answer counts no time")
    void transferLegTimes() {
        ContactLog reported = fed(List.of(
                event("t1", OFFERED, "10:00:00", "billing", null),
                Events.contact("t1", ANSWERED, at("10:00:10")).setAgentId("a1").build(),
                Events.contact("t1", TRANSFERRED, at("10:02:00")).setAgentId("a1").setTalkSeconds(90.0)
                        .setHoldSeconds(10.0).setWrapUpSeconds(5.0).build()));
        assertEquals(105.0, QueueFigures.of(reported.quarter("billing", Q1), RULE_20S).ahtSeconds(), 1e-9);
        assertEquals(new AgentStats(1, 0, 1, 105, 1), reported.byAgent.get("a1"));

        ContactLog answerLate = fed(List.of(
                event("t2", OFFERED, "10:00:00", "billing", null),
                Events.contact("t2", TRANSFERRED, at("10:02:00")).setAgentId("a1").build(),
                Events.contact("t2", ANSWERED, at("10:00:10")).setAgentId("a1").build()));
        QueueFigures f = QueueFigures.of(answerLate.quarter("billing", Q1), RULE_20S);
        assertNull(f.ahtSeconds(), "leg time unknown: null, not 0");
        assertEquals(0, f.ahtN());
        assertEquals(1, f.transfers());
    }

    @Test
    @DisplayName("a contact offered before a boundary and answered after it adds to each interval what happened in it")
    void spanningBoundary() {
        ContactLog log = fed(quarterHour());
        QueueFigures next = QueueFigures.of(log.quarter("billing", Q2), RULE_20S);
        assertEquals(0, next.offered());
        assertEquals(1, next.answered());
        assertEquals(20.0, next.asaSeconds(), 1e-9); // 10:14:50 to 10:15:10
        assertEquals(0.0, next.abandonmentRate(), 1e-9); // 0 abandoned of 1
        assertNull(next.ahtSeconds());
        assertEquals(0, next.ahtN());
    }

    @Test
    @DisplayName("service level under each formula on the same events")
    void serviceLevelUnderEachFormula() {
        QueueStats stats = fed(quarterHour()).quarter("billing", Q1);
        assertEquals(2.0 / 3, slUnder(stats, "answered"), 1e-9);                 // 2 / 3
        assertEquals(2.0 / 5, slUnder(stats, "answered+abandoned"), 1e-9);       // 2 / (3 + 2)
        assertEquals(2.0 / 4, slUnder(stats, "answered+abandoned-short"), 1e-9); // 2 / (3 + 2 - 1)
    }

    private static double slUnder(QueueStats stats, String formula) {
        return QueueFigures.of(stats, ServiceLevelRule.parse("billing", 1,
                "threshold=20s short-abandon=5s formula=" + formula)).serviceLevel();
    }

    @Test
    @DisplayName("the same step reported twice under different event ids counts once")
    void semanticDuplicates() {
        List<ContactEvent> events = new ArrayList<>(quarterHour());
        events.add(Events.contact("c1", ANSWERED, at("10:00:12")).setQueue("billing").setAgentId("a1").build());
        events.add(event("c3", ABANDONED, "10:02:03", "billing", 3.0));
        QueueFigures f = QueueFigures.of(fed(events).quarter("billing", Q1), RULE_20S);
        assertEquals(3, f.answered());
        assertEquals(2, f.abandoned());
        assertEquals(2.0 / 3, f.serviceLevel(), 1e-9);
    }

    @Test
    @DisplayName("events out of order (each contact's own too, within grace) give the same figures")
    void outOfOrder() {
        List<ContactEvent> shuffled = new ArrayList<>(quarterHour());
        Collections.shuffle(shuffled, new Random(7));
        // derived waits need the OFFERED first and a derived leg time the ANSWERED, so give the out-of-order copy
        // the ACD-measured waits and the leg time c2's transfer would report (10:01:30 to 10:03:00)
        List<ContactEvent> measured = shuffled.stream().map(e -> e.getType() == ANSWERED && e.getWaitSeconds() == null
                ? ContactEvent.newBuilder(e).setWaitSeconds(waitOf(e)).build()
                : e.getType() == ABANDONED && e.getWaitSeconds() == null
                ? ContactEvent.newBuilder(e).setWaitSeconds(45.0).build()
                : e.getType() == TRANSFERRED ? ContactEvent.newBuilder(e).setTalkSeconds(90.0).build() : e).toList();
        assertEquals(QueueFigures.of(fed(quarterHour()).quarter("billing", Q1), RULE_20S),
                QueueFigures.of(fed(measured).quarter("billing", Q1), RULE_20S));
    }

    private static double waitOf(ContactEvent answered) {
        return Map.of("c1", 12.0, "c2", 10.0, "c6", 20.0).get(answered.getContactId());
    }

    @Test
    @DisplayName("a contact waits from its entry until a step at or after it; a late earlier step does not end the wait")
    void waitingState() {
        ContactLog log = new ContactLog().feed(event("w", OFFERED, "10:00:00", "billing", null));
        assertEquals(new ContactState.Offer("billing", at("10:00:00").toEpochMilli()), log.contacts.get("w").waiting());
        log.feed(event("w", TRANSFERRED, "09:59:00", "tech", null)); // reported late, from before the entry
        assertEquals("billing", log.contacts.get("w").waiting().queue());
        log.feed(event("w", ABANDONED, "10:00:40", "billing", null));
        assertNull(log.contacts.get("w").waiting());
        log.feed(event("w", OFFERED, "10:00:30", "billing", null)); // a late entry before the abandon
        assertNull(log.contacts.get("w").waiting());
    }

    @Test
    @DisplayName("a transfer and the entry into the next queue at the same millisecond leave the contact waiting there")
    void transferSameMillisecond() {
        ContactLog log = fed(quarterHour().subList(3, 7)); // c2: offered, answered, transferred, offered to tech
        assertEquals("tech", log.contacts.get("c2").waiting().queue());
    }

    @Test
    @DisplayName("per agent: answered, handled, AHT and transfers from the contact events that name the agent")
    void perAgent() {
        ContactLog log = fed(quarterHour());
        AgentStats a1 = log.byAgent.get("a1");
        assertEquals(new AgentStats(2, 2, 2, 270 + 450, 0), a1);
        assertEquals(360.0, a1.ahtSeconds(), 1e-9);
        // answered c2 (transferred it after 90 s) and c6, completed c7's callback (120 s)
        AgentStats a2 = log.byAgent.get("a2");
        assertEquals(new AgentStats(2, 1, 2, 120 + 90, 1), a2);
        assertEquals(105.0, a2.ahtSeconds(), 1e-9);
        assertEquals(0.5, a2.transferRate(), 1e-9);
    }
}
