package io.vocstream.contactcenter;

import io.vocstream.events.IvrEvent;
import io.vocstream.events.IvrEventType;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * One IVR session as its events tell it, and what each event adds to its line's statistics. The session ends at
 * its first ending (self-service completed, transferred to an agent, hung up); a second ending is ignored. The
 * hang-up node is the event's node, else the last node entered. The time in IVR (start to ending) is known only when
 * the start arrives before the ending.
 *
 * @param startedMillis event time of SESSION_STARTED; {@code null} until it arrives
 * @param lastNode      the latest menu node entered (by event time)
 * @param contactId     the contact the session became, on a transfer to an agent
 */
public record IvrSession(String sessionId, String ivrLine, Dimensions dimensions, Long startedMillis,
                         String lastNode, long lastNodeMillis, String outcome, Long endedMillis, String contactId,
                         String targetQueue, Set<String> countedSteps) {

    public IvrSession {
        // sorted: the same steps are the same value, in the same order, whatever order they were counted in
        countedSteps = Collections.unmodifiableSortedSet(new TreeSet<>(countedSteps));
    }

    /** Event time of the session's latest known step, for expiry. */
    long latestMillis() {
        long latest = lastNodeMillis;
        if (startedMillis != null) {
            latest = Math.max(latest, startedMillis);
        }
        return endedMillis == null ? latest : Math.max(latest, endedMillis);
    }

    /**
     * A session's state after an event ({@code before} itself if the event changes nothing) and the statistics the
     * event adds, to the bucket of the event's time.
     */
    public record Step(IvrSession next, IvrStats delta) {
    }

    /** @param before the session before the event, {@code null} for its first event */
    public static Step apply(IvrSession before, IvrEvent e) {
        long t = e.getEventTime().toEpochMilli();
        IvrSession s = before != null ? before : new IvrSession(e.getSessionId(), e.getIvrLine(),
                new Dimensions(e.getChannel().name(), e.getRegion(), e.getSegment()), null, null, Long.MIN_VALUE,
                null, null, null, null, Set.of());
        String signature = e.getType() + "@" + e.getMenuNode() + "@" + t;
        boolean ending = e.getType() == IvrEventType.SELF_SERVICE_COMPLETED
                || e.getType() == IvrEventType.TRANSFERRED_TO_AGENT || e.getType() == IvrEventType.HUNG_UP;
        if (e.getType() == IvrEventType.UNKNOWN || s.countedSteps.contains(signature) || ending && s.outcome != null
                || e.getType() == IvrEventType.SESSION_STARTED && s.startedMillis != null) {
            return new Step(before, IvrStats.EMPTY);
        }
        Set<String> steps = new HashSet<>(s.countedSteps);
        steps.add(signature);
        String line = s.ivrLine != null ? s.ivrLine : e.getIvrLine();
        boolean newerNode = e.getMenuNode() != null && t >= s.lastNodeMillis;
        String node = newerNode ? e.getMenuNode() : s.lastNode;
        long nodeMillis = newerNode ? t : s.lastNodeMillis;
        IvrSession next = new IvrSession(s.sessionId, line, s.dimensions,
                e.getType() == IvrEventType.SESSION_STARTED ? Long.valueOf(t) : s.startedMillis, node, nodeMillis,
                ending ? e.getType().name() : s.outcome, ending ? Long.valueOf(t) : s.endedMillis,
                e.getContactId() != null ? e.getContactId() : s.contactId,
                e.getTargetQueue() != null ? e.getTargetQueue() : s.targetQueue, steps);
        IvrStats delta = switch (e.getType()) {
            case SESSION_STARTED -> IvrStats.startedOne();
            case NO_INPUT, NO_MATCH -> IvrStats.promptMiss(e.getType() == IvrEventType.NO_INPUT);
            case SELF_SERVICE_COMPLETED, TRANSFERRED_TO_AGENT, HUNG_UP -> IvrStats.ended(
                    e.getType() == IvrEventType.SELF_SERVICE_COMPLETED,
                    e.getType() == IvrEventType.TRANSFERRED_TO_AGENT,
                    s.startedMillis == null ? null : (t - s.startedMillis) / 1000.0,
                    e.getMenuNode() != null ? e.getMenuNode() : s.lastNode);
            default -> IvrStats.EMPTY;
        };
        return new Step(next, delta);
    }
}
