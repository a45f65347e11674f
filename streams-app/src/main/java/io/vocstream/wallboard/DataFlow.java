package io.vocstream.wallboard;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether events are still arriving, judged by the count of input events read (cluster-wide, from
 * {@code /api/v1/ingest/topics}) on the wall clock of this instance: arrival, not event time, so that a replay of
 * old events counts as data flowing and a quiet night does not look fresh. Stale: the count has not grown for
 * {@code staleAfter}, measured from its last growth, or from the start of watching if it has not grown since.
 * Watching runs while a board is open; a new watch starts from nothing.
 */
final class DataFlow {
    private final Duration staleAfter;
    private long eventsRead;
    private Instant watchingSince;
    private Instant lastGrowth;

    DataFlow(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    /** Records the count read at {@code now} and says how fresh the data is. */
    synchronized Freshness observe(long eventsReadNow, Instant newestEventTime, Instant now) {
        if (watchingSince == null) {
            watchingSince = now;
        } else if (eventsReadNow > eventsRead) {
            lastGrowth = now;
        }
        eventsRead = eventsReadNow;
        Instant quietSince = lastGrowth != null ? lastGrowth : watchingSince;
        boolean stale = Duration.between(quietSince, now).compareTo(staleAfter) >= 0;
        return new Freshness(eventsReadNow, newestEventTime, lastGrowth, stale, staleAfter.toSeconds());
    }

    /** Forgets what was watched: the next observation starts a new watch. */
    synchronized void stopWatching() {
        watchingSince = null;
        lastGrowth = null;
    }
}
