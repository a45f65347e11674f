package io.vocstream.contactcenter;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An IVR line's (or slice's) figures over a window. Rates are shares of the sessions that ended in the window.
 *
 * @param containmentRate       contained (self-service completed) / ended
 * @param optOutRate            transferred to an agent / ended
 * @param abandonmentRate       hung up inside the IVR / ended
 * @param averageSecondsInIvr   mean time from start to ending, over the {@code timeN} ended sessions whose start is known
 * @param hangUpNodes           the menu nodes where most callers hung up, most first (at most {@link #TOP_NODES})
 */
public record IvrFigures(String ivrLine, String slice, String window, Instant from, Instant to,
                         long sessions, long ended, long contained, long optedOut, long abandoned,
                         Double containmentRate, Double optOutRate, Double abandonmentRate, long ratesN,
                         Double averageSecondsInIvr, long timeN, long noInputs, long noMatches,
                         List<NodeHangUps> hangUpNodes) {
    static final int TOP_NODES = 5;

    /** @param share hang-ups at the node / all hang-ups */
    public record NodeHangUps(String node, long hangUps, double share) {
    }

    static IvrFigures of(String line, String slice, String window, Instant from, Instant to, IvrStats s) {
        long ended = s.ended();
        List<NodeHangUps> nodes = s.hangUpNodes().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP_NODES)
                .map(e -> new NodeHangUps(e.getKey(), e.getValue(), (double) e.getValue() / s.hungUp()))
                .toList();
        return new IvrFigures(line, slice, window, from, to, s.started(), ended, s.contained(), s.optedOut(),
                s.hungUp(), QueueFigures.ratio(s.contained(), ended), QueueFigures.ratio(s.optedOut(), ended),
                QueueFigures.ratio(s.hungUp(), ended), ended,
                QueueFigures.ratio(s.secondsInIvr(), s.timedSessions()), s.timedSessions(), s.noInputs(),
                s.noMatches(), nodes);
    }
}
