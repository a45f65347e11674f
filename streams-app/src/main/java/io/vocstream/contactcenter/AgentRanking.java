package io.vocstream.contactcenter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agents ranked by one figure over a window, capped at a top N: agent ids are listed for a manager, never used as
 * unbounded metric labels.
 */
public final class AgentRanking {
    /** The figures agents can be ranked by; AHT ranks the shortest first, the others the largest first. */
    public static final List<String> SORTS = List.of("handled", "aht", "transfers", "transferRate");

    private AgentRanking() {
    }

    /**
     * What one instance knows of one agent: contact work in the window (from the contact tasks) or the state now
     * (from the agent tasks); {@code source} as in {@link QueuePartial}.
     */
    public record AgentPartial(String source, String agentId, AgentStats stats, AgentNow now) {
    }

    /**
     * @param state            the agent's state now ({@code null} if no agent event is known)
     * @param ahtSeconds       (talk + hold + after-call work) / completed contacts reporting talk time
     * @param transferRate     transfers / answered
     */
    public record AgentRow(int rank, String agentId, String state, List<String> queues, long answered, long handled,
                           Double ahtSeconds, long ahtN, long transfers, Double transferRate, long transferRateN) {
    }

    public static List<AgentRow> rank(List<AgentPartial> partials, String sort, int limit) {
        Map<String, AgentStats> stats = new TreeMap<>();
        Map<String, AgentNow> now = new TreeMap<>();
        for (AgentPartial p : partials) {
            stats.merge(p.agentId(), p.stats() == null ? AgentStats.EMPTY : p.stats(), AgentStats::merge);
            if (p.now() != null) {
                now.put(p.agentId(), p.now());
            }
        }
        List<Map.Entry<String, AgentStats>> ranked = new ArrayList<>(stats.entrySet());
        ranked.sort(Comparator.comparing((Map.Entry<String, AgentStats> e) -> e.getValue(), order(sort))
                .thenComparing(Map.Entry::getKey));
        List<AgentRow> rows = new ArrayList<>();
        for (Map.Entry<String, AgentStats> e : ranked.subList(0, Math.min(limit, ranked.size()))) {
            AgentStats s = e.getValue();
            AgentNow a = now.get(e.getKey());
            rows.add(new AgentRow(rows.size() + 1, e.getKey(),
                    a == null ? null : a.state().name().toLowerCase(Locale.ROOT),
                    a == null ? List.of() : a.queues(), s.answered(), s.handled(), s.ahtSeconds(),
                    s.handledWithTimes(), s.transfers(), s.transferRate(), s.answered()));
        }
        return rows;
    }

    /** Best first; agents without the figure (n = 0) last. */
    private static Comparator<AgentStats> order(String sort) {
        return switch (sort) {
            case "handled" -> Comparator.comparingLong(AgentStats::handled).reversed();
            case "transfers" -> Comparator.comparingLong(AgentStats::transfers).reversed();
            case "aht" -> Comparator.comparing(AgentStats::ahtSeconds,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case "transferRate" -> Comparator.comparing(AgentStats::transferRate,
                    Comparator.nullsLast(Comparator.reverseOrder()));
            default -> throw new IllegalArgumentException("unknown sort " + sort);
        };
    }
}
