package io.vocstream.producers.sim;

import io.vocstream.events.Severity;

/**
 * A bad experience that may turn into a complaint: how likely that is for an average customer, how serious it is,
 * and how long complainants take to write in (hours, mean). Outages in progress and network quality are filed
 * directly by their own arrival processes.
 */
enum Grievance {
    LONG_WAIT(0.012, Severity.LOW, 3),
    ABANDONED_AFTER_WAIT(0.006, Severity.LOW, 6),
    PASSED_AROUND(0.010, Severity.MEDIUM, 4),
    UNRESOLVED_AGAIN(0.030, Severity.MEDIUM, 8),
    DISPUTE(0.060, Severity.MEDIUM, 12),
    AGENT_BEHAVIOUR(0.002, Severity.MEDIUM, 2),
    LATE_REPAIR(0.060, Severity.MEDIUM, 10),
    REOPENED_REPAIR(0.120, Severity.HIGH, 6),
    REPEAT_REPAIR(0.100, Severity.HIGH, 8),
    OUTAGE(1.0, Severity.HIGH, 0),
    LONG_OUTAGE(0.08, Severity.HIGH, 12),
    NETWORK_QUALITY(1.0, Severity.MEDIUM, 0);

    private final double baseChance;
    private final Severity severity;
    private final double meanDelayHours;

    Grievance(double baseChance, Severity severity, double meanDelayHours) {
        this.baseChance = baseChance;
        this.severity = severity;
        this.meanDelayHours = meanDelayHours;
    }

    double baseChance() {
        return baseChance;
    }

    Severity severity() {
        return severity;
    }

    double meanDelayHours() {
        return meanDelayHours;
    }
}
