package io.vocstream.contactcenter;

import io.vocstream.buckets.Mergeable;

/**
 * What happened in one queue slice during one time bucket, as counts and sums that merge: each fact is counted in
 * the bucket of the event that reports it (offered when offered, answered when answered, handle time when
 * completed), so a contact that spans an interval boundary adds to each interval what happened in it.
 * Waits are counted only where known (measured by the ACD or derived from the OFFERED event).
 *
 * @param answeredWaits        waits of answered contacts, per second (service level and ASA)
 * @param abandonedWaits       waits of abandoned contacts, per second (short abandons under any threshold)
 * @param callbackWaits        contacts that left the line asking for a callback, with a known wait
 * @param maxWaitSeconds       longest wait that ended in the bucket (answered, abandoned or callback requested)
 * @param handledWithTimes     handled legs with a known handle time (completed contacts reporting talk time, legs
 *                             ended by a transfer): the n of AHT
 */
public record QueueStats(long offered, long answered, long abandoned, long transfersOut,
                         long callbacksRequested, long callbacksCompleted, long handled,
                         WaitHistogram answeredWaits, double answeredWaitSeconds,
                         WaitHistogram abandonedWaits, double abandonedWaitSeconds,
                         long callbackWaits, double callbackWaitSeconds, double maxWaitSeconds,
                         long handledWithTimes, double talkSeconds, double holdSeconds, double wrapUpSeconds)
        implements Mergeable<QueueStats> {
    public static final QueueStats EMPTY = new QueueStats(0, 0, 0, 0, 0, 0, 0, WaitHistogram.EMPTY, 0,
            WaitHistogram.EMPTY, 0, 0, 0, 0, 0, 0, 0, 0);

    static QueueStats offeredOne() {
        return new QueueStats(1, 0, 0, 0, 0, 0, 0, WaitHistogram.EMPTY, 0, WaitHistogram.EMPTY, 0, 0, 0, 0, 0, 0,
                0, 0);
    }

    /** @param waitSeconds {@code null} if unknown */
    static QueueStats answeredOne(Double waitSeconds) {
        return waitSeconds == null ? EMPTY.withAnswered(1, WaitHistogram.EMPTY, 0, 0)
                : EMPTY.withAnswered(1, WaitHistogram.of(waitSeconds), waitSeconds, waitSeconds);
    }

    /** @param waitSeconds {@code null} if unknown */
    static QueueStats abandonedOne(Double waitSeconds) {
        return new QueueStats(0, 0, 1, 0, 0, 0, 0, WaitHistogram.EMPTY, 0,
                waitSeconds == null ? WaitHistogram.EMPTY : WaitHistogram.of(waitSeconds),
                waitSeconds == null ? 0 : waitSeconds, 0, 0, waitSeconds == null ? 0 : waitSeconds, 0, 0, 0, 0);
    }

    /** @param waitSeconds {@code null} if unknown */
    static QueueStats callbackRequestedOne(Double waitSeconds) {
        return new QueueStats(0, 0, 0, 0, 1, 0, 0, WaitHistogram.EMPTY, 0, WaitHistogram.EMPTY, 0,
                waitSeconds == null ? 0 : 1, waitSeconds == null ? 0 : waitSeconds,
                waitSeconds == null ? 0 : waitSeconds, 0, 0, 0, 0);
    }

    /**
     * A transfer out of the queue; the leg it ends counts in AHT with its handle time if known (kept as talk time:
     * a derived leg time does not separate talk from hold).
     */
    static QueueStats transferredOne(Double legSeconds) {
        boolean timed = legSeconds != null;
        return new QueueStats(0, 0, 0, 1, 0, 0, 0, WaitHistogram.EMPTY, 0, WaitHistogram.EMPTY, 0, 0, 0, 0,
                timed ? 1 : 0, timed ? legSeconds : 0, 0, 0);
    }

    /**
     * A completed contact; its handle time counts only if talk time is reported (missing hold or wrap-up is 0).
     *
     * @param callback whether it completed a callback
     */
    static QueueStats completedOne(boolean callback, Double talk, Double hold, Double wrapUp) {
        boolean timed = talk != null;
        return new QueueStats(0, 0, 0, 0, 0, callback ? 1 : 0, 1, WaitHistogram.EMPTY, 0, WaitHistogram.EMPTY, 0,
                0, 0, 0, timed ? 1 : 0, timed ? talk : 0, timed && hold != null ? hold : 0,
                timed && wrapUp != null ? wrapUp : 0);
    }

    private QueueStats withAnswered(long n, WaitHistogram waits, double waitSum, double max) {
        return new QueueStats(0, n, 0, 0, 0, 0, 0, waits, waitSum, WaitHistogram.EMPTY, 0, 0, 0, max, 0, 0, 0, 0);
    }

    @Override
    public QueueStats merge(QueueStats o) {
        return new QueueStats(offered + o.offered, answered + o.answered, abandoned + o.abandoned,
                transfersOut + o.transfersOut, callbacksRequested + o.callbacksRequested,
                callbacksCompleted + o.callbacksCompleted, handled + o.handled,
                answeredWaits.merge(o.answeredWaits), answeredWaitSeconds + o.answeredWaitSeconds,
                abandonedWaits.merge(o.abandonedWaits), abandonedWaitSeconds + o.abandonedWaitSeconds,
                callbackWaits + o.callbackWaits, callbackWaitSeconds + o.callbackWaitSeconds,
                Math.max(maxWaitSeconds, o.maxWaitSeconds), handledWithTimes + o.handledWithTimes,
                talkSeconds + o.talkSeconds, holdSeconds + o.holdSeconds, wrapUpSeconds + o.wrapUpSeconds);
    }
}
