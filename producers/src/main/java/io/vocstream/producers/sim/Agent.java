package io.vocstream.producers.sim;

import java.util.List;

/**
 * A contact-center agent: a primary queue, possibly a second one, personal traits that stay the same from shift to
 * shift, and the state of the current shift.
 */
final class Agent {
    enum Activity { LOGGED_OUT, AVAILABLE, CONNECTING, BUSY, WRAP_UP, AWAY }

    final String id;
    final QueueProfile primary;
    final QueueProfile secondary;
    final List<String> queueNames;
    final String site;
    /** Handling-time factor (below 1: faster than average). */
    final double pace;
    /** Resolution factor (above 1: resolves more at first contact, transfers less). */
    final double skill;
    /** How courteous customers find the agent, on a 1..5 scale. */
    final double courtesy;

    Activity activity = Activity.LOGGED_OUT;
    /** Incremented whenever the agent becomes available, so stale idle tickets are recognised. */
    int availableEpoch;
    /** Incremented at every log-in, so timers of an earlier shift are recognised. */
    int shift;
    long shiftStart;
    /** When the agent may start the next shift. */
    long restedAt;
    boolean logoutRequested;
    String pendingAwayReason;
    double pendingAwaySeconds;
    int awayEpoch;

    Agent(String id, QueueProfile primary, QueueProfile secondary, String site, double pace, double skill,
          double courtesy) {
        this.id = id;
        this.primary = primary;
        this.secondary = secondary;
        this.queueNames = secondary == null ? List.of(primary.name()) : List.of(primary.name(), secondary.name());
        this.site = site;
        this.pace = pace;
        this.skill = skill;
        this.courtesy = courtesy;
    }

    boolean onShift() {
        return activity != Activity.LOGGED_OUT && !logoutRequested;
    }
}
