package io.vocstream.contactcenter;

import io.vocstream.events.AgentState;
import java.time.Duration;
import java.time.Instant;

/**
 * A queue's state now, as one partition sees it (its waiting contacts, its agents): partials of every partition
 * and instance merge into the whole queue's. The longest wait is kept as the oldest entry time, so it is
 * measured against the clock of the query and keeps growing while nothing happens.
 *
 * @param oldestWaitingSince entry time of the contact waiting longest; {@code null} if none is waiting
 * @param loggedIn           agents logged in (in any state but logged out)
 */
public record QueueNow(String queue, long waiting, Instant oldestWaitingSince,
                       long available, long busy, long afterCallWork, long away, long loggedIn) {

    static QueueNow empty(String queue) {
        return new QueueNow(queue, 0, null, 0, 0, 0, 0, 0);
    }

    static QueueNow waitingSince(String queue, long atMillis) {
        return new QueueNow(queue, 1, Instant.ofEpochMilli(atMillis), 0, 0, 0, 0, 0);
    }

    /** One logged-in agent serving the queue. */
    static QueueNow agentIn(String queue, AgentState state) {
        return new QueueNow(queue, 0, null, state == AgentState.AVAILABLE ? 1 : 0, state == AgentState.BUSY ? 1 : 0,
                state == AgentState.AFTER_CALL_WORK ? 1 : 0, state == AgentState.AWAY ? 1 : 0, 1);
    }

    public QueueNow merge(QueueNow o) {
        if (!queue.equals(o.queue)) {
            throw new IllegalArgumentException("cannot merge queue " + queue + " with " + o.queue);
        }
        Instant oldest = oldestWaitingSince == null ? o.oldestWaitingSince
                : o.oldestWaitingSince == null || oldestWaitingSince.isBefore(o.oldestWaitingSince)
                ? oldestWaitingSince : o.oldestWaitingSince;
        return new QueueNow(queue, waiting + o.waiting, oldest, available + o.available, busy + o.busy,
                afterCallWork + o.afterCallWork, away + o.away, loggedIn + o.loggedIn);
    }

    /** The figures at {@code now}: the longest wait runs up to {@code now} (never negative). */
    public Figures figures(Instant now) {
        long working = busy + afterCallWork;
        long occupancyN = working + available;
        return new Figures(now, waiting, oldestWaitingSince == null ? null
                : Math.max(0, Duration.between(oldestWaitingSince, now).toMillis()) / 1000.0,
                oldestWaitingSince, available, busy, afterCallWork, away, loggedIn,
                QueueFigures.ratio(working, occupancyN), occupancyN);
    }

    /**
     * @param longestWaitSeconds {@code at} minus the entry time of the contact waiting longest; {@code null} if
     *                           none is waiting
     * @param occupancy          (busy + after-call work) / (available + busy + after-call work)
     */
    public record Figures(Instant at, long waiting, Double longestWaitSeconds,
                          Instant oldestWaitingSince, long agentsAvailable, long agentsBusy,
                          long agentsAfterCallWork, long agentsAway, long agentsLoggedIn,
                          Double occupancy, long occupancyN) {
    }
}
