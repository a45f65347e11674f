package io.vocstream.producers.sim;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Holds events back so that they leave at the run's pace: REALTIME releases an event when the wall clock reaches its
 * event time, RATE releases event n at n / rate seconds after the first, FAST never waits. Waits end early when the
 * run is stopped.
 */
final class Pacer {
    private static final long MAX_PARK_NANOS = 100_000_000L;

    private final Pace pace;
    private final double nanosPerEvent;
    private final BooleanSupplier stopped;
    private long firstNanos;

    Pacer(SimulationSettings settings, BooleanSupplier stopped) {
        this.pace = settings.pace();
        this.nanosPerEvent = 1e9 / settings.eventsPerSecond();
        this.stopped = stopped;
    }

    /**
     * Waits until the event with this event time and sequence number (0 for the first of the run) is due; false if
     * the run was stopped meanwhile.
     */
    boolean await(long eventTimeMillis, long sequence) {
        switch (pace) {
            case REALTIME:
                return waitFor(() -> (eventTimeMillis - System.currentTimeMillis()) * 1_000_000L);
            case RATE:
                if (sequence == 0) {
                    firstNanos = System.nanoTime();
                    return true;
                }
                long due = firstNanos + (long) (sequence * nanosPerEvent);
                return waitFor(() -> due - System.nanoTime());
            default:
                return true;
        }
    }

    /** Parks while the remaining nanoseconds are positive, waking regularly to notice a stop. */
    private boolean waitFor(java.util.function.LongSupplier remainingNanos) {
        long remaining;
        while ((remaining = remainingNanos.getAsLong()) > 0) {
            if (stopped.getAsBoolean()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(remaining, MAX_PARK_NANOS));
        }
        return !stopped.getAsBoolean();
    }
}
