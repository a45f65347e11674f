package io.vocstream.contactcenter;

import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import java.util.ArrayList;
import java.util.List;

/**
 * Who handled one contact, and the surveys about it that name no agent, credited to that agent. The handling agent
 * is the agent of the contact's latest completion (COMPLETED or CALLBACK_COMPLETED naming an agent), else of its
 * latest answer (ANSWERED naming an agent): a transferred contact is credited to the agent who completed it, and to
 * the one who answered it last while no completion is known. "Latest" is by event time (at the same millisecond, the
 * step that arrives last), so the answer does not depend on the order the steps and surveys arrive in: a survey that
 * arrives before any handling step waits here uncredited, and a step that changes the handling agent moves the
 * credit of the surveys already counted.
 *
 * @param answered       the latest answer naming an agent; {@code null} before one
 * @param completed      the latest completion naming an agent; {@code null} before one
 * @param surveys        the contact's surveys in arrival order, the most recent {@link #MAX_SURVEYS}
 * @param lastSeenMillis event time of the latest handling step or survey, for expiry
 */
public record HandledContact(AgentStep answered, AgentStep completed, List<LinkedSurvey> surveys,
                             long lastSeenMillis) {
    /** Surveys remembered per contact; older ones stay credited but can no longer move. */
    static final int MAX_SURVEYS = 16;
    static final HandledContact NONE = new HandledContact(null, null, List.of(), Long.MIN_VALUE);

    /** An agent's step on the contact at event time {@code atMillis}. */
    public record AgentStep(String agentId, long atMillis) {
    }

    /**
     * A survey's CSAT answer at its event time, and the agent it is counted for ({@code null} while no handling step
     * of the contact is known).
     */
    public record LinkedSurvey(long atMillis, int csat, String creditedTo) {
    }

    /** CSAT added to (or, negated, taken from) an agent in the bucket of {@code atMillis}. */
    public record Credit(String agentId, long atMillis, CsatCounts csat) {
    }

    /** The contact after a step or survey, and the credits that moves. */
    public record Step(HandledContact next, List<Credit> credits) {
    }

    public HandledContact {
        surveys = List.copyOf(surveys);
    }

    /** Whether {@code e} can say who handles its contact: an answer or completion naming an agent. */
    static boolean handles(ContactEvent e) {
        return e.getAgentId() != null && switch (e.getType()) {
            case ANSWERED, COMPLETED, CALLBACK_COMPLETED -> true;
            default -> false;
        };
    }

    /** The agent the contact's surveys are credited to; {@code null} while neither answer nor completion is known. */
    String handler() {
        AgentStep by = completed != null ? completed : answered;
        return by == null ? null : by.agentId();
    }

    /** @param e a step for which {@link #handles} holds */
    Step withStep(ContactEvent e) {
        AgentStep step = new AgentStep(e.getAgentId(), e.getEventTime().toEpochMilli());
        boolean completion = e.getType() != ContactEventType.ANSWERED;
        AgentStep known = completion ? completed : answered;
        long lastSeen = Math.max(lastSeenMillis, step.atMillis());
        if (known != null && step.atMillis() < known.atMillis()) {
            return new Step(new HandledContact(answered, completed, surveys, lastSeen), List.of());
        }
        return new HandledContact(completion ? answered : step, completion ? step : completed, surveys, lastSeen)
                .recredited();
    }

    /** Adds a survey's CSAT answer, credited at once if the handling agent is known. */
    Step withSurvey(long atMillis, int csat) {
        List<LinkedSurvey> all = new ArrayList<>(surveys);
        all.add(new LinkedSurvey(atMillis, csat, null));
        List<LinkedSurvey> kept = all.size() > MAX_SURVEYS ? all.subList(all.size() - MAX_SURVEYS, all.size()) : all;
        return new HandledContact(answered, completed, kept, Math.max(lastSeenMillis, atMillis)).recredited();
    }

    /** Counts every survey for the handling agent, moving those counted for another. */
    private Step recredited() {
        String agent = handler();
        List<Credit> credits = new ArrayList<>();
        List<LinkedSurvey> credited = new ArrayList<>(surveys.size());
        for (LinkedSurvey s : surveys) {
            if (agent != null && !agent.equals(s.creditedTo())) {
                CsatCounts one = CsatCounts.of(s.csat());
                if (s.creditedTo() != null) {
                    credits.add(new Credit(s.creditedTo(), s.atMillis(), one.negated()));
                }
                credits.add(new Credit(agent, s.atMillis(), one));
            }
            // a handler once known stays known: with none, every survey is still uncredited
            credited.add(new LinkedSurvey(s.atMillis(), s.csat(), agent));
        }
        return new Step(new HandledContact(answered, completed, credited, lastSeenMillis), credits);
    }
}
