package io.vocstream.contactcenter;

import static io.vocstream.contactcenter.ContactLifecycleTest.at;
import static io.vocstream.events.ContactEventType.ANSWERED;
import static io.vocstream.events.ContactEventType.COMPLETED;
import static io.vocstream.events.ContactEventType.OFFERED;
import static io.vocstream.events.ContactEventType.TRANSFERRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.buckets.BucketQueries;
import io.vocstream.events.SurveyResponse;
import io.vocstream.events.Touchpoint;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import io.vocstream.time.TimeRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The CSAT of surveys naming only a contact, credited to the agent who handled it (through the re-partition by
 * contact), and of surveys naming an agent, credited to that agent; read as the agents route reads them, per agent
 * from both stores.
 */
class AgentSurveyCreditTest {
    private static final TimeRange DAY = new TimeRange(at("00:00:00"), at("00:00:00").plus(Duration.ofDays(1)));

    private TopologyHarness harness;

    private void start(Map<String, String> settings) {
        harness = TopologyHarness.start(settings, ContactCenterTopology::build,
                ContactLifecycleTest.NOON);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    /** The agents' rows over the day, ranked by CSAT, from the linked and the named survey buckets. */
    private List<AgentRanking.AgentRow> agents() {
        List<AgentRanking.AgentPartial> partials = new ArrayList<>();
        BucketQueries.mergedByKeyPrefix(harness.<CsatCounts>bucketFamily(ContactCenterTopology.AGENT_LINKED_CSAT_STORE),
                "", DAY).forEach((agent, csat) ->
                partials.add(new AgentRanking.AgentPartial(QueuePartial.CONTACTS, agent, null, null, csat)));
        BucketQueries.mergedByKeyPrefix(harness.<CsatCounts>bucketFamily(ContactCenterTopology.AGENT_CSAT_STORE), "",
                DAY).forEach((agent, csat) ->
                partials.add(new AgentRanking.AgentPartial(AgentRanking.SURVEYS, agent, null, null, csat)));
        return AgentRanking.rank(partials, "csat", 100);
    }

    private AgentRanking.AgentRow agent(String agentId) {
        return agents().stream().filter(r -> r.agentId().equals(agentId)).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + agentId + " in " + agents()));
    }

    private static SurveyResponse.Builder survey(String responseId, String hhmmss, int csat, String contactId) {
        return Events.survey(responseId, Touchpoint.AGENT, at(hhmmss)).setCsat(csat).setContactId(contactId);
    }

    @Test
    @DisplayName("a survey arriving before its contact's answer waits, then counts once for the answering agent")
    void surveyBeforeContact() {
        start(Map.of());
        harness.pipe(survey("r1", "10:20:00", 4, "k1").build());
        assertEquals(List.of(), agents(), "nobody handled k1 yet: nobody credited");

        harness.pipe(Events.contact("k1", OFFERED, at("10:00:00")).build(),
                Events.contact("k1", ANSWERED, at("10:00:30")).setAgentId("a1").build());
        assertEquals(4.0, agent("a1").csatMean(), 1e-9);
        assertEquals(1, agent("a1").csatN());

        harness.pipe(Events.contact("k1", COMPLETED, at("10:06:00")).setAgentId("a1").setTalkSeconds(300.0).build(),
                survey("r2", "10:30:00", 2, "k1").build());
        assertEquals(3.0, agent("a1").csatMean(), 1e-9, "(4 + 2) / 2: the completion by the same agent moves nothing");
        assertEquals(0.5, agent("a1").csatSatisfied(), 1e-9, "one of the two answers is 4 or 5");
        assertEquals(2, agent("a1").csatN());
    }

    @Test
    @DisplayName("a transferred contact credits the agent who completed it, moving a survey counted for the first")
    void transfer() {
        start(Map.of());
        harness.pipe(Events.contact("k2", OFFERED, at("10:00:00")).build(),
                Events.contact("k2", ANSWERED, at("10:00:20")).setAgentId("a2").build(),
                survey("r3", "10:40:00", 5, "k2").build());
        assertEquals(5.0, agent("a2").csatMean(), 1e-9, "a2 answered last and nobody completed yet");

        harness.pipe(Events.contact("k2", TRANSFERRED, at("10:03:00")).setAgentId("a2").build(),
                Events.contact("k2", OFFERED, at("10:03:01")).setQueue("tech").build(),
                Events.contact("k2", ANSWERED, at("10:03:30")).setQueue("tech").setAgentId("a3").build());
        assertEquals(0, agent("a2").csatN(), "the credit moved from a2 to a3");
        assertNull(agent("a2").csatMean());
        assertEquals(5.0, agent("a3").csatMean(), 1e-9);

        // the answer in the first queue arriving late again changes nothing: a3's completion decides
        harness.pipe(Events.contact("k2", COMPLETED, at("10:09:00")).setQueue("tech").setAgentId("a3").build(),
                Events.contact("k2", ANSWERED, at("10:00:20")).setAgentId("a2").build());
        assertEquals(1, agent("a3").csatN());
        assertEquals(0, agent("a2").csatN());
    }

    @Test
    @DisplayName("a completion arriving before the answer of the same contact still decides who is credited")
    void completionBeforeAnswer() {
        start(Map.of());
        harness.pipe(Events.contact("k3", COMPLETED, at("10:10:00")).setAgentId("a5").build(),
                Events.contact("k3", ANSWERED, at("10:01:00")).setAgentId("a4").build(),
                survey("r4", "10:20:00", 3, "k3").build());
        assertEquals(List.of("a5"), agents().stream().map(AgentRanking.AgentRow::agentId).toList());
        assertEquals(3.0, agent("a5").csatMean(), 1e-9);
    }

    @Test
    @DisplayName("a duplicate survey (same event id) counts once")
    void duplicateSurvey() {
        start(Map.of());
        SurveyResponse r5 = survey("r5", "10:20:00", 1, "k4").build();
        harness.pipe(Events.contact("k4", ANSWERED, at("10:00:10")).setAgentId("a6").build(), r5, r5);
        assertEquals(1, agent("a6").csatN());
        assertEquals(1.0, agent("a6").csatMean(), 1e-9);
    }

    @Test
    @DisplayName("a survey naming an agent and a contact counts for the agent it names, once, not the handler")
    void surveyWithBothIds() {
        start(Map.of());
        harness.pipe(Events.contact("k5", ANSWERED, at("10:00:10")).setAgentId("a7").build(),
                survey("r6", "10:20:00", 5, "k5").setAgentId("a8").build(),
                survey("r7", "10:25:00", 2, "k5").build());
        // a7 handled k5: only r7 (2); a8 is named by r6 (5)
        assertEquals(List.of("a8", "a7"), agents().stream().map(AgentRanking.AgentRow::agentId).toList());
        assertEquals(5.0, agent("a8").csatMean(), 1e-9);
        assertEquals(1, agent("a8").csatN());
        assertEquals(2.0, agent("a7").csatMean(), 1e-9);
        assertEquals(1, agent("a7").csatN());
    }

    @Test
    @DisplayName("a survey waits for its contact's handler no longer than contactcenter.survey-link-memory")
    void pendingSurveyExpires() {
        start(Map.of(ContactCenterConfig.SURVEY_LINK_MEMORY, "PT1H"));
        harness.pipe(survey("r8", "10:00:00", 4, "k6").build());
        for (String t : List.of("10:30:00", "11:00:00", "11:30:00")) { // stream time moves on: the expiry runs
            harness.pipe(Events.contact("other-" + t, OFFERED, at(t)).build());
        }
        harness.pipe(Events.contact("k6", ANSWERED, at("11:29:00")).setAgentId("a9").build());
        assertEquals(List.of(), agents(), "r8 was forgotten before a9 answered k6");
    }
}
