package io.vocstream.producers.sim;

import java.util.PriorityQueue;

/**
 * The discrete-event loop: future happenings ordered by simulated time, ties broken by the order in which they were
 * scheduled, so that one seed always replays the same history.
 */
final class Scheduler {
    private final PriorityQueue<Happening> pending = new PriorityQueue<>(4096);
    private long now;
    private long scheduled;

    Scheduler(long startMillis) {
        this.now = startMillis;
    }

    /** Current simulated time, epoch milliseconds. */
    long now() {
        return now;
    }

    /** Runs {@code action} at {@code timeMillis}, or now if that is already past. */
    void at(long timeMillis, Runnable action) {
        pending.add(new Happening(Math.max(timeMillis, now), scheduled++, action));
    }

    /** Runs {@code action} {@code seconds} of simulated time from now. */
    void after(double seconds, Runnable action) {
        at(now + Math.round(seconds * 1000.0), action);
    }

    /** Time of the next happening, or {@link Long#MAX_VALUE} if nothing is scheduled. */
    long nextTime() {
        Happening next = pending.peek();
        return next == null ? Long.MAX_VALUE : next.time;
    }

    /** Advances the clock to the next happening and runs it; false if nothing is scheduled. */
    boolean runNext() {
        Happening next = pending.poll();
        if (next == null) {
            return false;
        }
        now = next.time;
        next.action.run();
        return true;
    }

    private record Happening(long time, long sequence, Runnable action) implements Comparable<Happening> {
        @Override
        public int compareTo(Happening other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
