package io.vocstream.contactcenter;

import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The life of one contact, event by event: turns each contact event into the counts it adds to its queue's and
 * agent's buckets, and keeps the contact's state (waiting or not, queue entries). Works on events in any order
 * within the grace period: a wait ends only by a step at or after the entry it ends, and among steps at the same
 * millisecond the one that arrives last wins. A step reported twice (same type, queue and time under another
 * event id) counts once.
 */
public final class ContactLifecycle {
    /** Queue entries remembered per contact; a contact transferred more often than this is very rare. */
    static final int MAX_OFFERS = 16;

    private ContactLifecycle() {
    }

    /** Counts one event adds to one queue slice set, in the bucket of {@code atMillis}. */
    public record QueueDelta(String queue, Dimensions dimensions, long atMillis, QueueStats stats) {
    }

    /** Counts one event adds to one agent, in the bucket of {@code atMillis}. */
    public record AgentDelta(String agentId, long atMillis, AgentStats stats) {
    }

    /** The contact's state after an event ({@code null} or unchanged if the event changes nothing), and what it adds. */
    public record Step(ContactState next, List<QueueDelta> queueDeltas, List<AgentDelta> agentDeltas) {
    }

    /** @param state the contact's state before the event, {@code null} for its first event */
    public static Step apply(ContactState state, ContactEvent e) {
        long t = e.getEventTime().toEpochMilli();
        Dimensions eventDims = new Dimensions(e.getChannel().name(), e.getRegion(), e.getSegment());
        ContactState before = state != null ? state : ContactState.first(eventDims);
        String queue = e.getQueue();
        String signature = e.getType() + "@" + queue + "@" + t;
        if (e.getType() == ContactEventType.UNKNOWN || before.countedSteps().contains(signature)) {
            return new Step(state, List.of(), List.of());
        }
        Dimensions dims = eventDims.orElse(before.dimensions());
        Set<String> steps = new HashSet<>(before.countedSteps());
        steps.add(signature);
        List<ContactState.Offer> offers = before.offers();
        List<ContactState.Answer> answers = before.answers();
        ContactState.Offer waiting = before.waiting();
        long lastLeave = before.lastLeaveMillis();
        List<AgentDelta> agentDeltas = new ArrayList<>(1);
        String agent = e.getAgentId();
        QueueStats delta;
        if (e.getType() == ContactEventType.OFFERED) {
            ContactState.Offer offer = new ContactState.Offer(queue, t);
            offers = appendBounded(offers, offer);
            if (t >= lastLeave && (waiting == null || t >= waiting.atMillis())) {
                waiting = offer;
            }
            delta = QueueStats.offeredOne();
        } else {
            Double wait = e.getWaitSeconds() != null ? e.getWaitSeconds() : derivedWait(offers, queue, t);
            Double legSeconds = e.getType() == ContactEventType.TRANSFERRED ? transferLegSeconds(e, answers, t) : null;
            delta = switch (e.getType()) {
                case ANSWERED -> QueueStats.answeredOne(wait);
                case ABANDONED -> QueueStats.abandonedOne(wait);
                case CALLBACK_REQUESTED -> QueueStats.callbackRequestedOne(wait);
                case TRANSFERRED -> QueueStats.transferredOne(legSeconds);
                case COMPLETED, CALLBACK_COMPLETED -> QueueStats.completedOne(
                        e.getType() == ContactEventType.CALLBACK_COMPLETED,
                        e.getTalkSeconds(), e.getHoldSeconds(), e.getWrapUpSeconds());
                default -> throw new IllegalStateException("unhandled contact event type " + e.getType());
            };
            if (agent != null) {
                switch (e.getType()) {
                    case ANSWERED -> agentDeltas.add(new AgentDelta(agent, t, AgentStats.answeredOne()));
                    case TRANSFERRED -> agentDeltas.add(new AgentDelta(agent, t,
                            AgentStats.transferredOne(legSeconds)));
                    case COMPLETED, CALLBACK_COMPLETED -> agentDeltas.add(new AgentDelta(agent, t,
                            AgentStats.completedOne(delta.handledWithTimes() == 0 ? null
                                    : delta.talkSeconds() + delta.holdSeconds() + delta.wrapUpSeconds())));
                    default -> { }
                }
            }
            if (e.getType() == ContactEventType.ANSWERED) {
                answers = appendBounded(answers, new ContactState.Answer(queue, t));
            }
            lastLeave = Math.max(lastLeave, t);
            if (waiting != null && t >= waiting.atMillis()) {
                waiting = null;
            }
        }
        ContactState next = new ContactState(offers, waiting, lastLeave, steps, dims,
                Math.max(before.lastEventMillis(), t), answers);
        return new Step(next, List.of(new QueueDelta(queue, dims, t, delta)), agentDeltas);
    }

    /** Seconds since the latest entry into {@code queue} at or before {@code atMillis}; {@code null} if none is known. */
    private static Double derivedWait(List<ContactState.Offer> offers, String queue, long atMillis) {
        Double wait = null;
        long latest = Long.MIN_VALUE;
        for (ContactState.Offer o : offers) {
            if (o.queue().equals(queue) && o.atMillis() <= atMillis && o.atMillis() >= latest) {
                latest = o.atMillis();
                wait = (atMillis - o.atMillis()) / 1000.0;
            }
        }
        return wait;
    }

    /**
     * Handle time of the leg a transfer ends: talk + hold + after-call work if the event reports talk time, else
     * the time since the latest answer in the queue it leaves (talk and hold; after-call work unknown); {@code null}
     * if neither is known (e.g. the answer arrives after the transfer).
     */
    private static Double transferLegSeconds(ContactEvent e, List<ContactState.Answer> answers, long atMillis) {
        if (e.getTalkSeconds() != null) {
            return e.getTalkSeconds() + (e.getHoldSeconds() == null ? 0 : e.getHoldSeconds())
                    + (e.getWrapUpSeconds() == null ? 0 : e.getWrapUpSeconds());
        }
        Double leg = null;
        long latest = Long.MIN_VALUE;
        for (ContactState.Answer a : answers) {
            if (a.queue().equals(e.getQueue()) && a.atMillis() <= atMillis && a.atMillis() >= latest) {
                latest = a.atMillis();
                leg = (atMillis - a.atMillis()) / 1000.0;
            }
        }
        return leg;
    }

    private static <T> List<T> appendBounded(List<T> items, T item) {
        List<T> out = new ArrayList<>(items);
        out.add(item);
        return out.size() > MAX_OFFERS ? out.subList(out.size() - MAX_OFFERS, out.size()) : out;
    }
}
