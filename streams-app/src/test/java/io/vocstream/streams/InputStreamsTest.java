package io.vocstream.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.IndicatorScore;
import io.vocstream.events.RepairEventType;
import io.vocstream.events.SurveyResponse;
import io.vocstream.events.Touchpoint;
import io.vocstream.schemas.EventTopic;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What reaches the capabilities: each usable event once; everything else in the DLQ with its reason. */
class InputStreamsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T11:00:00Z");

    private final List<SpecificRecord> passed = new ArrayList<>();
    private final TopologyHarness harness = TopologyHarness.start(Map.of("events.grace", "PT10M"),
            TopologyHarness.of((builder, inputs) -> {
                for (EventTopic topic : EventTopic.values()) {
                    inputs.<SpecificRecord>of(topic).foreach((key, event) -> passed.add(event));
                }
            }));

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    @DisplayName("an event delivered twice (same eventId) passes once")
    void duplicatesDropped() {
        var offered = Events.contact("c1", ContactEventType.OFFERED, T0).build();
        var answered = Events.contact("c1", ContactEventType.ANSWERED, T0.plusSeconds(20)).build();
        harness.pipe(offered, answered, offered, answered);
        assertEquals(List.of(offered, answered), passed);
        assertTrue(harness.deadLetters(EventTopic.CONTACT).isEmpty(), "duplicates are dropped, not dead-lettered");
    }

    @Test
    @DisplayName("an eventId seen with an event time up to the grace period (10 min) away is a duplicate, "
            + "on either side and across ten-minute marks; further away it is another event")
    void duplicatesWithinTheGracePeriodOfTheFirst() {
        var first = Events.contact("c1", ContactEventType.OFFERED, T0.plus(Duration.ofMinutes(9))).build();
        var tenMinutesBefore = ContactEvent.newBuilder(first).setEventTime(T0.minus(Duration.ofMinutes(1))).build();
        var nineMinutesAfter = ContactEvent.newBuilder(first).setEventTime(T0.plus(Duration.ofMinutes(18))).build();
        var justOverTenMinutesAfter = ContactEvent.newBuilder(first)
                .setEventTime(T0.plus(Duration.ofMinutes(19)).plusMillis(1)).build();
        harness.pipe(first, tenMinutesBefore, nineMinutesAfter, justOverTenMinutesAfter);
        assertEquals(List.of(first, justOverTenMinutesAfter), passed);
        assertTrue(harness.deadLetters(EventTopic.CONTACT).isEmpty(), "duplicates are dropped, not dead-lettered");
    }

    @Test
    @DisplayName("out of order inside the grace period passes; older than the grace goes to the DLQ as too_late")
    void gracePeriod() {
        var newest = Events.contact("c1", ContactEventType.OFFERED, T0).build();
        var nineMinutesLate = Events.contact("c2", ContactEventType.OFFERED, T0.minus(Duration.ofMinutes(9))).build();
        var elevenMinutesLate = Events.contact("c3", ContactEventType.OFFERED, T0.minus(Duration.ofMinutes(11)))
                .build();
        harness.pipe(newest, nineMinutesLate, elevenMinutesLate);

        assertEquals(List.of(newest, nineMinutesLate), passed);
        List<TestRecord<byte[], byte[]>> dead = harness.deadLetters(EventTopic.CONTACT);
        assertEquals(1, dead.size());
        assertEquals(RejectedEventException.STAGE_TOO_LATE, TopologyHarness.stage(dead.get(0)));
        assertTrue(TopologyHarness.reason(dead.get(0)).contains("660 s behind"), TopologyHarness.reason(dead.get(0)));
        assertEquals("c3", new String(dead.get(0).key(), StandardCharsets.UTF_8));
        assertArrayEquals(harness.encode(elevenMinutesLate), dead.get(0).value(), "the DLQ keeps the bytes read");
    }

    @Test
    @DisplayName("a refused event dated a year ahead does not make the events after it late")
    void refusedEventsDoNotMoveTheClock() {
        var misdated = Events.contact("c1", ContactEventType.OFFERED, T0.plus(Duration.ofDays(365))).build();
        var onTime = Events.contact("c2", ContactEventType.OFFERED, T0).build();
        harness.pipe(misdated, onTime);
        assertEquals(List.of(onTime), passed);
    }

    @Test
    @DisplayName("absurd values go to the DLQ with a reason naming the field; the stream goes on")
    void validation() {
        SurveyResponse good = Events.survey("r0", Touchpoint.AGENT, T0).setCsat(5).setNps(10).setCes(1).build();
        harness.pipe(
                Events.survey("r1", Touchpoint.AGENT, T0).setCsat(9).build(),
                Events.survey("r2", Touchpoint.AGENT, T0).setNps(11).build(),
                Events.survey("r3", Touchpoint.AGENT, T0).setCes(0).build(),
                Events.survey("r4", Touchpoint.AGENT, T0).setIndicators(List.of(IndicatorScore.newBuilder()
                        .setIndicator("speed").setExpected(4).setPerceived(6).build())).build(),
                Events.contact("c1", ContactEventType.ANSWERED, T0).setWaitSeconds(-3.0).build(),
                Events.contact("c2", ContactEventType.OFFERED, T0.plus(Duration.ofDays(400))).build(),
                Events.contact("c3", ContactEventType.OFFERED, Instant.parse("2019-01-01T00:00:00Z")).build(),
                Events.repair("w1", RepairEventType.CREATED, T0).setCustomersAffected(-1).build(),
                good);

        assertEquals(List.of(good), passed);
        List<String> surveyReasons = harness.deadLetters(EventTopic.SURVEY).stream().map(TopologyHarness::reason)
                .toList();
        assertEquals(4, surveyReasons.size());
        assertTrue(surveyReasons.get(0).startsWith("csat is 9"), surveyReasons.get(0));
        assertTrue(surveyReasons.get(1).startsWith("nps is 11"), surveyReasons.get(1));
        assertTrue(surveyReasons.get(2).startsWith("ces is 0"), surveyReasons.get(2));
        assertTrue(surveyReasons.get(3).contains("perceived 6.0 is outside 1..5"), surveyReasons.get(3));
        List<String> contactReasons = harness.deadLetters(EventTopic.CONTACT).stream().map(TopologyHarness::reason)
                .toList();
        assertEquals(3, contactReasons.size());
        assertTrue(contactReasons.get(0).startsWith("waitSeconds is -3.0"), contactReasons.get(0));
        assertTrue(contactReasons.get(1).contains("ahead of the clock"), contactReasons.get(1));
        assertTrue(contactReasons.get(2).contains("older than events.max.age"), contactReasons.get(2));
        assertTrue(TopologyHarness.reason(harness.deadLetters(EventTopic.REPAIR).get(0))
                .startsWith("customersAffected is -1"));
    }

    @Test
    @DisplayName("bytes that do not decode go to the DLQ unchanged with the decoder's reason")
    void undecodable() {
        byte[] notAvro = "{\"contactId\":\"c9\"}".getBytes(StandardCharsets.UTF_8);
        harness.pipeRaw(EventTopic.CONTACT, "c9", notAvro);
        var offered = Events.contact("c1", ContactEventType.OFFERED, T0).build();
        harness.pipe(offered);

        List<TestRecord<byte[], byte[]>> dead = harness.deadLetters(EventTopic.CONTACT);
        assertEquals(1, dead.size());
        assertArrayEquals(notAvro, dead.get(0).value());
        assertEquals(DeadLetterDeserializationHandler.STAGE, TopologyHarness.stage(dead.get(0)));
        String reason = TopologyHarness.reason(dead.get(0));
        assertTrue(reason.contains("0x7b") && reason.contains("magic byte"), reason);
        assertEquals(List.of(offered), passed);
    }
}
