package io.vocstream.contactcenter;

import io.vocstream.events.AgentEvent;
import io.vocstream.events.AgentState;
import java.util.List;

/**
 * An agent's current state as its latest event (by event time) says; an older event arriving late changes nothing.
 * A logged-out agent is kept (so a late event from before the logout cannot bring it back) until it expires.
 *
 * @param sinceMillis event time of the state change
 * @param contactId   the contact being handled in BUSY and AFTER_CALL_WORK
 */
public record AgentNow(String agentId, AgentState state, List<String> queues, long sinceMillis, String contactId) {

    public AgentNow {
        queues = List.copyOf(queues);
    }

    /** @param current the agent's state before the event, {@code null} for its first event */
    public static AgentNow apply(AgentNow current, AgentEvent e) {
        long t = e.getEventTime().toEpochMilli();
        if (e.getState() == AgentState.UNKNOWN || current != null && t < current.sinceMillis) {
            return current;
        }
        // an event that does not repeat the queues (e.g. a logout) keeps the ones the agent served
        List<String> queues = e.getQueues().isEmpty() && current != null ? current.queues : e.getQueues();
        return new AgentNow(e.getAgentId(), e.getState(), queues, t, e.getContactId());
    }

    boolean loggedIn() {
        return state != AgentState.LOGGED_OUT;
    }
}
