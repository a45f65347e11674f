package io.vocstream.contactcenter;

import io.vocstream.buckets.Mergeable;
import java.util.HashMap;
import java.util.Map;

/**
 * IVR sessions of one slice in one time bucket: started, and how those that ended in the bucket ended.
 *
 * @param timedSessions ended sessions whose start is known: the n of the time in IVR
 * @param hangUpNodes   hang-ups per menu node (nodes are the IVR's own design, a bounded set; beyond
 *                      {@link #MAX_NODES} distinct nodes the rest count as {@code other})
 */
public record IvrStats(long started, long contained, long optedOut, long hungUp, long noInputs, long noMatches,
                       long timedSessions, double secondsInIvr, Map<String, Long> hangUpNodes)
        implements Mergeable<IvrStats> {
    static final int MAX_NODES = 200;
    static final String OTHER_NODE = "other";
    public static final IvrStats EMPTY = new IvrStats(0, 0, 0, 0, 0, 0, 0, 0, Map.of());

    public IvrStats {
        hangUpNodes = Map.copyOf(hangUpNodes);
    }

    static IvrStats startedOne() {
        return new IvrStats(1, 0, 0, 0, 0, 0, 0, 0, Map.of());
    }

    static IvrStats promptMiss(boolean noInput) {
        return new IvrStats(0, 0, 0, 0, noInput ? 1 : 0, noInput ? 0 : 1, 0, 0, Map.of());
    }

    /**
     * @param seconds time from the session's start, {@code null} if the start is unknown
     * @param node    the node of a hang-up, {@code null} for other endings
     */
    static IvrStats ended(boolean contained, boolean optedOut, Double seconds, String node) {
        return new IvrStats(0, contained ? 1 : 0, optedOut ? 1 : 0, contained || optedOut ? 0 : 1, 0, 0,
                seconds == null ? 0 : 1, seconds == null ? 0 : seconds,
                contained || optedOut ? Map.of() : Map.of(node == null ? OTHER_NODE : node, 1L));
    }

    long ended() {
        return contained + optedOut + hungUp;
    }

    @Override
    public IvrStats merge(IvrStats o) {
        // most deltas count no hang-up: the maps, immutable, are shared rather than copied when one side adds none
        Map<String, Long> nodes;
        if (o.hangUpNodes.isEmpty()) {
            nodes = hangUpNodes;
        } else if (hangUpNodes.isEmpty() && o.hangUpNodes.size() <= MAX_NODES) {
            nodes = o.hangUpNodes;
        } else {
            Map<String, Long> merged = new HashMap<>(hangUpNodes);
            o.hangUpNodes.forEach((node, n) -> merged.merge(merged.containsKey(node) || merged.size() < MAX_NODES
                    ? node : OTHER_NODE, n, Long::sum));
            nodes = merged;
        }
        return new IvrStats(started + o.started, contained + o.contained, optedOut + o.optedOut, hungUp + o.hungUp,
                noInputs + o.noInputs, noMatches + o.noMatches, timedSessions + o.timedSessions,
                secondsInIvr + o.secondsInIvr, nodes);
    }
}
