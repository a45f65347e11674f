package io.vocstream.testing;

import io.vocstream.events.AgentEvent;
import io.vocstream.events.AgentState;
import io.vocstream.events.Channel;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.IvrEvent;
import io.vocstream.events.IvrEventType;
import io.vocstream.events.RepairEvent;
import io.vocstream.events.RepairEventType;
import io.vocstream.events.SurveyResponse;
import io.vocstream.events.Touchpoint;
import io.vocstream.schemas.GeneratedEvents;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Minimal valid events of each input type, with unique event ids, for tests to adjust field by field. */
public final class Events {
    private static final AtomicLong SEQ = new AtomicLong();

    static {
        GeneratedEvents.trust(); // build() copies defaults of record and enum fields through Avro's class loading
    }

    private Events() {
    }

    public static String eventId() {
        return "e-" + SEQ.incrementAndGet();
    }

    public static ContactEvent.Builder contact(String contactId, ContactEventType type, Instant at) {
        return ContactEvent.newBuilder().setEventId(eventId()).setEventTime(at).setContactId(contactId)
                .setType(type).setQueue("billing").setChannel(Channel.VOICE).setRegion("north");
    }

    public static AgentEvent.Builder agent(String agentId, AgentState state, Instant at) {
        return AgentEvent.newBuilder().setEventId(eventId()).setEventTime(at).setAgentId(agentId).setState(state);
    }

    public static IvrEvent.Builder ivr(String sessionId, IvrEventType type, Instant at) {
        return IvrEvent.newBuilder().setEventId(eventId()).setEventTime(at).setSessionId(sessionId).setType(type);
    }

    public static RepairEvent.Builder repair(String workOrderId, RepairEventType type, Instant at) {
        return RepairEvent.newBuilder().setEventId(eventId()).setEventTime(at).setWorkOrderId(workOrderId)
                .setType(type).setCategory("meter").setRegion("north");
    }

    public static ComplaintEvent.Builder complaint(String complaintId, ComplaintEventType type, Instant at) {
        return ComplaintEvent.newBuilder().setEventId(eventId()).setEventTime(at).setComplaintId(complaintId)
                .setType(type).setCategory("billing").setChannel(Channel.VOICE).setRegion("north");
    }

    public static SurveyResponse.Builder survey(String responseId, Touchpoint touchpoint, Instant at) {
        return SurveyResponse.newBuilder().setEventId(eventId()).setEventTime(at).setResponseId(responseId)
                .setTouchpoint(touchpoint).setChannel(Channel.VOICE).setRegion("north");
    }
}
