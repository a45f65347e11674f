package io.vocstream.contactcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.events.AgentEvent;
import io.vocstream.events.AgentState;
import io.vocstream.testing.Events;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QueueNowTest {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    @DisplayName("partials of two partitions merge; the longest wait runs against the query's clock")
    void mergeAndLongestWait() {
        QueueNow p1 = QueueNow.waitingSince("billing", T.toEpochMilli())
                .merge(QueueNow.waitingSince("billing", T.plusSeconds(30).toEpochMilli()))
                .merge(QueueNow.agentIn("billing", AgentState.BUSY));
        QueueNow p2 = QueueNow.waitingSince("billing", T.minusSeconds(15).toEpochMilli())
                .merge(QueueNow.agentIn("billing", AgentState.AVAILABLE))
                .merge(QueueNow.agentIn("billing", AgentState.AFTER_CALL_WORK))
                .merge(QueueNow.agentIn("billing", AgentState.AWAY));
        QueueNow.Figures at = p1.merge(p2).figures(T.plusSeconds(45));
        assertEquals(3, at.waiting());
        assertEquals(60.0, at.longestWaitSeconds(), 1e-9); // entered 09:59:45, now 10:00:45
        assertEquals(1, at.agentsAvailable());
        assertEquals(1, at.agentsBusy());
        assertEquals(1, at.agentsAfterCallWork());
        assertEquals(1, at.agentsAway());
        assertEquals(4, at.agentsLoggedIn());
        assertEquals(2.0 / 3, at.occupancy(), 1e-9); // (busy 1 + after-call 1) / (1 + 1 + available 1)
        assertEquals(3, at.occupancyN());
        // nothing happens for two minutes: the longest wait keeps growing
        assertEquals(180.0, p2.merge(p1).figures(T.plusSeconds(165)).longestWaitSeconds(), 1e-9);
    }

    @Test
    @DisplayName("an empty queue has no longest wait and no occupancy")
    void empty() {
        QueueNow.Figures f = QueueNow.empty("billing").figures(T);
        assertNull(f.longestWaitSeconds());
        assertNull(f.occupancy());
        assertEquals(0, f.occupancyN());
    }

    @Test
    @DisplayName("an agent's latest event wins; a late older one changes nothing; logging out mid-contact ends the state")
    void agentState() {
        AgentNow a = AgentNow.apply(null, agent(AgentState.LOGGED_IN, 0).setQueues(List.of("billing")).build());
        a = AgentNow.apply(a, agent(AgentState.BUSY, 60).setContactId("c1").build());
        assertEquals(AgentState.BUSY, a.state());
        assertEquals(List.of("billing"), a.queues());
        a = AgentNow.apply(a, agent(AgentState.LOGGED_OUT, 120).build()); // mid-contact
        assertEquals(AgentState.LOGGED_OUT, a.state());
        a = AgentNow.apply(a, agent(AgentState.AVAILABLE, 90).build()); // late, from before the logout
        assertEquals(AgentState.LOGGED_OUT, a.state());
        assertEquals(List.of("billing"), a.queues());
    }

    private static AgentEvent.Builder agent(AgentState state, long secondsAfterT) {
        return Events.agent("a1", state, T.plusSeconds(secondsAfterT));
    }
}
