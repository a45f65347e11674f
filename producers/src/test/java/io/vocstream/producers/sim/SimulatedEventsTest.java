package io.vocstream.producers.sim;

import static io.vocstream.producers.sim.SimulationFixtures.fast;
import static io.vocstream.producers.sim.SimulationFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vocstream.events.AgentEvent;
import io.vocstream.events.AgentState;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.IndicatorScore;
import io.vocstream.events.IvrEvent;
import io.vocstream.events.IvrEventType;
import io.vocstream.events.RepairEvent;
import io.vocstream.events.RepairEventType;
import io.vocstream.events.SurveyResponse;
import io.vocstream.schemas.GeneratedEvents;
import io.vocstream.producers.sink.PublishedEvent;
import io.vocstream.schemas.EventTopic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two simulated days at a small scale, with both scenarios, checked event by event. */
class SimulatedEventsTest {
    private static List<PublishedEvent> events;

    @BeforeAll
    static void simulateTwoDays() {
        GeneratedEvents.trust(); // builders copy enum values through Avro's class loading
        events = run(fast(11, 0.05, Duration.ofDays(2))
                .scenario(Scenario.parse("outage:region=east,at=PT9H"))
                .scenario(Scenario.parse("agent-shortage:queue=repairs,at=PT30H,for=PT2H"))).events();
    }

    @Test
    @DisplayName("every topic gets events, each of its record type, keyed by its entity id")
    void everyEventIsOfItsTopicsTypeAndKeyedByItsEntity() {
        Map<EventTopic, Integer> perTopic = new EnumMap<>(EventTopic.class);
        for (PublishedEvent published : events) {
            EventTopic topic = published.topic();
            assertEquals(topic.recordClass(), published.event().getClass());
            assertEquals(topic.keyOf(published.event()), published.key());
            perTopic.merge(topic, 1, Integer::sum);
        }
        assertEquals(EnumSet.allOf(EventTopic.class), perTopic.keySet(), "topics with events: " + perTopic);
    }

    @Test
    @DisplayName("every event builds and survives an Avro binary round trip of its schema")
    void everyEventIsValidAgainstItsSchema() throws Exception {
        Map<Class<?>, Method[]> builders = new HashMap<>();
        Map<Class<?>, AvroRoundTrip> codecs = new HashMap<>();
        for (PublishedEvent published : events) {
            SpecificRecord event = published.event();
            Method[] newBuilderAndBuild = builders.computeIfAbsent(event.getClass(), SimulatedEventsTest::builderOf);
            Object builder = newBuilderAndBuild[0].invoke(null, event);
            assertEquals(event, newBuilderAndBuild[1].invoke(builder));
            assertEquals(event, codecs.computeIfAbsent(event.getClass(), AvroRoundTrip::new).apply(event));
        }
    }

    private static Method[] builderOf(Class<?> recordClass) {
        try {
            Method newBuilder = recordClass.getMethod("newBuilder", recordClass);
            return new Method[] {newBuilder, newBuilder.getReturnType().getMethod("build")};
        } catch (NoSuchMethodException e) {
            throw new AssertionError(recordClass + " is not a generated record class", e);
        }
    }

    @Test
    void eventIdsAreUniqueAndEventTimesNeverGoBack() {
        Set<Object> ids = new HashSet<>();
        Instant previous = Instant.MIN;
        for (PublishedEvent published : events) {
            Object id = published.event().get(0);
            assertTrue(ids.add(id), () -> "duplicate eventId " + id);
            Instant time = (Instant) published.event().get(1);
            if (time.isBefore(previous)) {
                fail(time + " after " + previous);
            }
            previous = time;
        }
    }

    @Test
    @DisplayName("contacts go OFFERED, then ANSWERED/ABANDONED/CALLBACK_REQUESTED, ... as an ACD reports them")
    void contactStepsFollowTheContactLifecycle() {
        Map<ContactEventType, Set<ContactEventType>> next = Map.of(
                ContactEventType.OFFERED, EnumSet.of(ContactEventType.ANSWERED, ContactEventType.ABANDONED,
                        ContactEventType.CALLBACK_REQUESTED),
                ContactEventType.ANSWERED, EnumSet.of(ContactEventType.COMPLETED, ContactEventType.TRANSFERRED),
                ContactEventType.TRANSFERRED, EnumSet.of(ContactEventType.OFFERED),
                ContactEventType.CALLBACK_REQUESTED, EnumSet.of(ContactEventType.CALLBACK_COMPLETED),
                ContactEventType.COMPLETED, EnumSet.noneOf(ContactEventType.class),
                ContactEventType.ABANDONED, EnumSet.noneOf(ContactEventType.class),
                ContactEventType.CALLBACK_COMPLETED, EnumSet.noneOf(ContactEventType.class));
        Map<String, ContactEventType> last = new HashMap<>();
        for (ContactEvent contact : of(ContactEvent.class)) {
            ContactEventType before = last.put(contact.getContactId(), contact.getType());
            if (before == null) {
                assertEquals(ContactEventType.OFFERED, contact.getType(), () -> contact.getContactId());
            } else {
                assertTrue(next.get(before).contains(contact.getType()), () -> before + " -> " + contact);
            }
            assertNotNull(contact.getCustomerId());
            assertNotNull(contact.getRegion());
            assertNotNull(contact.getSegment());
            assertNotNull(contact.getTier());
            boolean waitEnds = EnumSet.of(ContactEventType.ANSWERED, ContactEventType.ABANDONED,
                    ContactEventType.CALLBACK_REQUESTED).contains(contact.getType());
            assertEquals(waitEnds, contact.getWaitSeconds() != null, () -> contact.toString());
            if (waitEnds) {
                assertTrue(contact.getWaitSeconds() >= 0);
            }
            boolean handled = contact.getType() == ContactEventType.COMPLETED
                    || contact.getType() == ContactEventType.CALLBACK_COMPLETED;
            assertEquals(handled, contact.getTalkSeconds() != null, () -> contact.toString());
        }
        assertTrue(last.containsValue(ContactEventType.CALLBACK_COMPLETED), "some callbacks");
        assertTrue(last.containsValue(ContactEventType.ABANDONED), "some abandons");
    }

    @Test
    void agentsWorkOneContactAtATimeBetweenLoggingInAndOut() {
        Map<String, AgentState> last = new HashMap<>();
        Set<String> reasons = new HashSet<>();
        for (AgentEvent agent : of(AgentEvent.class)) {
            AgentState before = last.put(agent.getAgentId(), agent.getState());
            AgentState state = agent.getState();
            if (before == null || before == AgentState.LOGGED_OUT) {
                assertEquals(AgentState.LOGGED_IN, state, () -> agent.getAgentId() + " after " + before);
            }
            if (state == AgentState.BUSY) {
                assertEquals(AgentState.AVAILABLE, before, () -> agent.toString());
            }
            if (state == AgentState.AFTER_CALL_WORK) {
                assertEquals(AgentState.BUSY, before, () -> agent.toString());
            }
            assertEquals(state == AgentState.BUSY || state == AgentState.AFTER_CALL_WORK,
                    agent.getContactId() != null, () -> agent.toString());
            assertEquals(state == AgentState.AWAY, agent.getAwayReason() != null, () -> agent.toString());
            if (agent.getAwayReason() != null) {
                reasons.add(agent.getAwayReason());
            }
            assertFalse(agent.getQueues().isEmpty());
        }
        assertTrue(reasons.containsAll(Set.of("break", "lunch")), "away reasons " + reasons);
        assertTrue(last.containsValue(AgentState.LOGGED_OUT), "shifts end");
    }

    @Test
    void ivrSessionsStartEnterMenusAndEndOnce() {
        Map<String, IvrEventType> last = new HashMap<>();
        Set<IvrEventType> endings = EnumSet.of(IvrEventType.SELF_SERVICE_COMPLETED, IvrEventType.TRANSFERRED_TO_AGENT,
                IvrEventType.HUNG_UP);
        Set<String> contactsFromIvr = new HashSet<>();
        for (IvrEvent ivr : of(IvrEvent.class)) {
            IvrEventType before = last.put(ivr.getSessionId(), ivr.getType());
            if (before == null) {
                assertEquals(IvrEventType.SESSION_STARTED, ivr.getType());
            } else {
                assertFalse(endings.contains(before), () -> "event after the end: " + ivr);
                assertNotNull(ivr.getMenuNode());
            }
            if (ivr.getType() == IvrEventType.TRANSFERRED_TO_AGENT) {
                contactsFromIvr.add(ivr.getContactId());
                assertNotNull(ivr.getTargetQueue());
            }
        }
        Set<IvrEventType> seen = EnumSet.copyOf(last.values());
        assertTrue(seen.containsAll(endings), "session endings " + seen);
        for (ContactEvent contact : of(ContactEvent.class)) {
            if (contact.getIvrSessionId() != null && contact.getType() == ContactEventType.OFFERED) {
                assertTrue(contactsFromIvr.contains(contact.getContactId()), () -> contact.toString());
            }
        }
    }

    @Test
    void workOrdersAreCreatedWithAPromisedWindowAndEndOnce() {
        Map<String, RepairEventType> last = new HashMap<>();
        boolean outageOrderWithFeeder = false;
        for (RepairEvent repair : of(RepairEvent.class)) {
            RepairEventType before = last.put(repair.getWorkOrderId(), repair.getType());
            if (before == null) {
                assertEquals(RepairEventType.CREATED, repair.getType());
                assertTrue(repair.getPromisedWindowStart().isBefore(repair.getPromisedWindowEnd()));
            } else {
                assertTrue(before != RepairEventType.CANCELLED, () -> "event after cancellation: " + repair);
            }
            if (repair.getType() == RepairEventType.ARRIVED) {
                assertEquals(RepairEventType.DISPATCHED, before);
            }
            if (repair.getOutage() && repair.getCustomersAffected() != null && repair.getCustomersAffected() > 1) {
                outageOrderWithFeeder |= repair.getFeederId() != null;
            }
        }
        assertTrue(outageOrderWithFeeder, "feeder outage orders");
        assertTrue(last.containsValue(RepairEventType.CANCELLED), "some cancellations");
    }

    @Test
    void complaintsAreClassifiedWhenResolved() {
        Map<String, ComplaintEventType> last = new HashMap<>();
        for (ComplaintEvent complaint : of(ComplaintEvent.class)) {
            ComplaintEventType before = last.put(complaint.getComplaintId(), complaint.getType());
            if (before == null) {
                assertEquals(ComplaintEventType.OPENED, complaint.getType());
                assertNull(complaint.getSubstantiated());
                assertNull(complaint.getReasonClass());
            }
            if (complaint.getType() == ComplaintEventType.RESOLVED) {
                assertNotNull(complaint.getSubstantiated());
                assertNotNull(complaint.getReasonClass());
            }
            assertNotNull(complaint.getCustomerId());
        }
        assertTrue(last.containsValue(ComplaintEventType.RESOLVED), "some complaints resolved within two days");
    }

    @Test
    void surveyScoresAreOnTheirScalesAndLinkedToWhatTheyJudge() {
        boolean businessRespondent = false;
        for (SurveyResponse survey : of(SurveyResponse.class)) {
            assertTrue(survey.getCsat() >= 1 && survey.getCsat() <= 5, () -> survey.toString());
            assertTrue(survey.getNps() == null || survey.getNps() >= 0 && survey.getNps() <= 10);
            assertTrue(survey.getCes() == null || survey.getCes() >= 1 && survey.getCes() <= 7);
            for (IndicatorScore indicator : survey.getIndicators()) {
                assertTrue(indicator.getExpected() > 0 && indicator.getExpected() <= indicator.getScaleMax());
                assertTrue(indicator.getPerceived() >= 1 && indicator.getPerceived() <= indicator.getScaleMax());
            }
            int links = (survey.getContactId() == null ? 0 : 1) + (survey.getWorkOrderId() == null ? 0 : 1)
                    + (survey.getComplaintId() == null ? 0 : 1);
            assertTrue(links <= 1, () -> survey.toString());
            if (survey.getAccountId() != null) {
                businessRespondent = true;
                assertNotNull(survey.getRespondentRole());
                assertTrue(Set.of("commercial", "industrial").contains(survey.getSegment()));
            }
        }
        assertTrue(businessRespondent, "business accounts answer surveys too");
    }

    private static <T> List<T> of(Class<T> type) {
        return events.stream().map(PublishedEvent::event).filter(type::isInstance).map(type::cast).toList();
    }

    /** Writes a record with its schema in Avro binary and reads it back, reusing buffers from call to call. */
    private static final class AvroRoundTrip {
        private final SpecificDatumWriter<SpecificRecord> writer;
        private final SpecificDatumReader<SpecificRecord> reader;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private BinaryEncoder encoder;
        private BinaryDecoder decoder;

        AvroRoundTrip(Class<?> recordClass) {
            SpecificData data = SpecificData.getForClass(recordClass);
            Schema schema = data.getSchema(recordClass);
            this.writer = new SpecificDatumWriter<>(schema, data);
            this.reader = new SpecificDatumReader<>(schema, schema, data);
        }

        SpecificRecord apply(SpecificRecord event) throws IOException {
            bytes.reset();
            encoder = EncoderFactory.get().binaryEncoder(bytes, encoder);
            writer.write(event, encoder);
            encoder.flush();
            decoder = DecoderFactory.get().binaryDecoder(bytes.toByteArray(), decoder);
            return reader.read(null, decoder);
        }
    }
}
