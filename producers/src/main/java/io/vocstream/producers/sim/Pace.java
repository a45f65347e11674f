package io.vocstream.producers.sim;

/** How simulated time relates to the wall clock. */
public enum Pace {
    /** Event times are the wall clock; events are emitted as they happen. */
    REALTIME,
    /** A target number of events per second; event times advance from the start as fast as that rate takes them. */
    RATE,
    /** As fast as possible from the start time. */
    FAST
}
