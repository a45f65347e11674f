package io.vocstream.producers.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.events.AgentEvent;
import io.vocstream.events.AgentState;
import io.vocstream.events.Channel;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ComplaintReasonClass;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.events.IndicatorScore;
import io.vocstream.events.IvrEvent;
import io.vocstream.events.IvrEventType;
import io.vocstream.events.RepairEvent;
import io.vocstream.events.RepairEventType;
import io.vocstream.events.Severity;
import io.vocstream.events.SurveyResponse;
import io.vocstream.events.Touchpoint;
import io.vocstream.producers.sink.InMemoryEventSink;
import io.vocstream.producers.sink.PublishedEvent;
import io.vocstream.schemas.EventTopic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayerTest {
    @TempDir
    Path dir;

    @Test
    void aGoodFileIsPublishedAsExactlyTheRecordsItDescribes() throws Exception {
        InMemoryEventSink sink = new InMemoryEventSink();
        List<ReplayError> errors = new ArrayList<>();

        ReplaySummary summary = new Replayer(sink, false, errors::add).replay(List.of(resource("good.jsonl")));

        assertEquals(List.of(), errors);
        assertEquals(7, summary.valid());
        assertEquals(7, summary.published());
        assertEquals(List.of(
                new PublishedEvent(EventTopic.CONTACT, "c-1", ContactEvent.newBuilder()
                        .setEventId("e-1").setEventTime(Instant.parse("2026-03-02T09:15:00Z")).setContactId("c-1")
                        .setType(ContactEventType.OFFERED).setQueue("billing").setChannel(Channel.VOICE)
                        .setCustomerId("cust-7").setRegion("north").setSegment("residential").setTier("gold")
                        .setIvrSessionId("ivr-1").build()),
                new PublishedEvent(EventTopic.CONTACT, "c-1", ContactEvent.newBuilder()
                        .setEventId("e-2").setEventTime(Instant.parse("2026-03-02T09:17:00Z")).setContactId("c-1")
                        .setType(ContactEventType.ANSWERED).setQueue("billing").setChannel(Channel.VOICE)
                        .setAgentId("ag-7").setWaitSeconds(120.0).build()),
                new PublishedEvent(EventTopic.AGENT, "ag-7", AgentEvent.newBuilder()
                        .setEventId("e-3").setEventTime(Instant.parse("2026-03-02T09:17:00Z")).setAgentId("ag-7")
                        .setState(AgentState.AWAY).setQueues(List.of("billing", "sales")).setAwayReason("break")
                        .build()),
                new PublishedEvent(EventTopic.IVR, "ivr-1", IvrEvent.newBuilder()
                        .setEventId("e-4").setEventTime(Instant.parse("2026-03-02T09:14:00Z")).setSessionId("ivr-1")
                        .setType(IvrEventType.TRANSFERRED_TO_AGENT).setMenuNode("main/billing").setContactId("c-1")
                        .setTargetQueue("billing").setChannel(Channel.VOICE).build()),
                new PublishedEvent(EventTopic.REPAIR, "wo-1", RepairEvent.newBuilder()
                        .setEventId("e-5").setEventTime(Instant.parse("2026-03-02T09:20:00Z")).setWorkOrderId("wo-1")
                        .setType(RepairEventType.CREATED).setCategory("outage").setOutage(true)
                        .setPromisedWindowStart(Instant.parse("2026-03-02T09:20:00Z"))
                        .setPromisedWindowEnd(Instant.parse("2026-03-02T11:20:00Z")).setFeederId("north-f001")
                        .setCustomersAffected(1800).setRegion("north").setChannel(Channel.FIELD).build()),
                new PublishedEvent(EventTopic.COMPLAINT, "custom-key", ComplaintEvent.newBuilder()
                        .setEventId("e-6").setEventTime(Instant.parse("2026-03-02T12:00:00Z")).setComplaintId("cmp-1")
                        .setType(ComplaintEventType.RESOLVED).setCategory("outage").setSeverity(Severity.HIGH)
                        .setSubstantiated(false).setReasonClass(ComplaintReasonClass.THIRD_PARTY)
                        .setChannel(Channel.WEB).setLinkedWorkOrderId("wo-1").build()),
                new PublishedEvent(EventTopic.SURVEY, "sr-1", SurveyResponse.newBuilder()
                        .setEventId("e-7").setEventTime(Instant.parse("2026-03-02T13:00:00Z")).setResponseId("sr-1")
                        .setTouchpoint(Touchpoint.AGENT).setCsat(4).setNps(9).setIndicators(List.of(
                                IndicatorScore.newBuilder().setIndicator("speed").setExpected(4.0)
                                        .setPerceived(3.5).setWeight(0.4).setScaleMax(5).build(),
                                IndicatorScore.newBuilder().setIndicator("courtesy").setExpected(4.0)
                                        .setPerceived(5.0).setScaleMax(5).build()))
                        .setContactId("c-1").setAccountId("acct-3").setRespondentRole("decision_maker")
                        .setChannel(Channel.VOICE).build())),
                sink.events());
    }

    @Test
    void byDefaultABadLineStopsTheReplayBeforeAnythingIsPublished() throws IOException, URISyntaxException {
        Path bad = file("bad.jsonl", goodLine("e-1"), goodLine("e-2"), "{\"topic\": \"contact-events\"}",
                "not json");
        InMemoryEventSink sink = new InMemoryEventSink();
        List<ReplayError> errors = new ArrayList<>();

        ReplaySummary summary = new Replayer(sink, false, errors::add).replay(List.of(resource("good.jsonl"), bad));

        assertEquals(List.of(new ReplayError(bad, 3, "event", "required field is missing")), errors);
        assertEquals(List.of(), sink.events(), "nothing published, not even the good file");
        assertEquals(0, summary.published());
    }

    @Test
    void skippingInvalidLinesPublishesTheGoodOnesAndReportsEachBadOne() throws IOException {
        Path mixed = file("mixed.jsonl", goodLine("e-1"), "[]", goodLine("e-2"), "{\"topic\": \"nope\"}");
        InMemoryEventSink sink = new InMemoryEventSink();
        List<ReplayError> errors = new ArrayList<>();

        ReplaySummary summary = new Replayer(sink, true, errors::add).replay(List.of(mixed));

        assertEquals(List.of(2L, 4L), errors.stream().map(ReplayError::line).toList());
        assertEquals(List.of("e-1", "e-2"), sink.events().stream().map(e -> e.event().get(0).toString()).toList());
        assertEquals(new ReplaySummary(2, 2, 2, java.util.Map.of(EventTopic.CONTACT, 2L)), summary);
    }

    @Test
    void validatingOnlyPublishesNothing() throws IOException {
        List<ReplayError> errors = new ArrayList<>();

        ReplaySummary summary = new Replayer(null, false, errors::add)
                .replay(List.of(file("ok.jsonl", goodLine("e-1"), goodLine("e-2"))));

        assertEquals(List.of(), errors);
        assertEquals(2, summary.valid());
        assertEquals(0, summary.published());
    }

    @Test
    void errorsReadLikeACompilersFileLineFieldReason() {
        assertEquals("events.jsonl:12: event.waitSeconds: expected a number, got a string \"soon\"",
                new ReplayError(Path.of("events.jsonl"), 12, "event.waitSeconds",
                        "expected a number, got a string \"soon\"").toString());
        assertEquals("events.jsonl:3: not valid JSON", new ReplayError(Path.of("events.jsonl"), 3, null,
                "not valid JSON").toString());
    }

    static String goodLine(String eventId) {
        return "{\"topic\": \"contact-events\", \"event\": {\"eventId\": \"" + eventId + "\", \"eventTime\": "
                + "\"2026-03-02T09:15:00Z\", \"contactId\": \"c-1\", \"type\": \"OFFERED\", \"queue\": \"billing\", "
                + "\"channel\": \"VOICE\"}}";
    }

    private Path file(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ReplayerTest.class.getResource("/replay/" + name).toURI());
    }
}
