package io.vocstream.contactcenter;

import io.vocstream.buckets.Mergeable;

/**
 * One agent's contact work in one time bucket, from contact events (which name the agent on answer, transfer and
 * completion): mergeable counts and sums.
 *
 * @param handledWithTimes legs with a known handle time (completed contacts reporting talk time, legs the agent
 *                         ended by a transfer): the n of AHT
 */
public record AgentStats(long answered, long handled, long handledWithTimes, double handleSeconds, long transfers)
        implements Mergeable<AgentStats> {
    public static final AgentStats EMPTY = new AgentStats(0, 0, 0, 0, 0);

    static AgentStats answeredOne() {
        return new AgentStats(1, 0, 0, 0, 0);
    }

    static AgentStats completedOne(Double handleSeconds) {
        return new AgentStats(0, 1, handleSeconds == null ? 0 : 1, handleSeconds == null ? 0 : handleSeconds, 0);
    }

    /** @param legSeconds handle time of the leg the transfer ends; {@code null} if unknown */
    static AgentStats transferredOne(Double legSeconds) {
        return new AgentStats(0, 0, legSeconds == null ? 0 : 1, legSeconds == null ? 0 : legSeconds, 1);
    }

    @Override
    public AgentStats merge(AgentStats o) {
        return new AgentStats(answered + o.answered, handled + o.handled, handledWithTimes + o.handledWithTimes,
                handleSeconds + o.handleSeconds, transfers + o.transfers);
    }

    public Double ahtSeconds() {
        return QueueFigures.ratio(handleSeconds, handledWithTimes);
    }

    /** Transfers / answered. */
    public Double transferRate() {
        return QueueFigures.ratio(transfers, answered);
    }
}
