package io.vocstream.contactcenter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Agents ranked by one figure over a window, capped at a top N: agent ids are listed for a manager, never used as
 * unbounded metric labels.
 */
public final class AgentRanking {
    /**
     * The figures agents can be ranked by; AHT ranks the shortest first, the others the largest first ({@code csat}:
     * the mean CSAT of the surveys naming the agent).
     */
    public static final List<String> SORTS = List.of("handled", "aht", "transfers", "transferRate", "csat");

    private AgentRanking() {
    }

    /** {@link AgentPartial#source()} of partials read from the survey tasks. */
    public static final String SURVEYS = "surveys";

    /**
     * What one instance knows of one agent: contact work in the window (from the contact tasks), the state now
     * (from the agent tasks) or the CSAT of surveys naming the agent (from the survey tasks); {@code source} as in
     * {@link QueuePartial}, or {@link #SURVEYS}.
     */
    public record AgentPartial(String source, String agentId, AgentStats stats, AgentNow now, CsatCounts csat) {
        /** An empty partial: adds nothing to the agent's figures, but says the agent is known. */
        static AgentPartial known(String source, String agentId) {
            return new AgentPartial(source, agentId, AgentStats.EMPTY, null, CsatCounts.EMPTY);
        }
    }

    /**
     * @param state            the agent's state now ({@code null} if no agent event is known)
     * @param ahtSeconds       (talk + hold + after-call work) / legs with a known handle time (completed contacts
     *                         reporting talk time, legs the agent ended by a transfer)
     * @param transferRate     transfers / answered
     * @param csatMean         mean CSAT (1..5) of the surveys in the window naming the agent
     * @param csatSatisfied    share of those answers that are 4 or 5
     * @param csatN            surveys naming the agent with a CSAT answer: the n of both
     */
    public record AgentRow(int rank, String agentId, String state, List<String> queues, long answered, long handled,
                           Double ahtSeconds, long ahtN, long transfers, Double transferRate, long transferRateN,
                           Double csatMean, Double csatSatisfied, long csatN) {
    }

    /** What an agent did in the window, with the satisfaction of the surveys naming it. */
    private record Work(AgentStats stats, CsatCounts csat) {
        static final Work EMPTY = new Work(AgentStats.EMPTY, CsatCounts.EMPTY);

        Work merge(Work o) {
            return new Work(stats.merge(o.stats), csat.merge(o.csat));
        }
    }

    /** One agent's row, ranked among all agents in the partials; empty if no partial names the agent. */
    public static Optional<AgentRow> one(List<AgentPartial> partials, String sort, String agentId) {
        return rank(partials, sort, Integer.MAX_VALUE).stream().filter(r -> r.agentId().equals(agentId)).findFirst();
    }

    public static List<AgentRow> rank(List<AgentPartial> partials, String sort, int limit) {
        Map<String, Work> work = new TreeMap<>();
        Map<String, AgentNow> now = new TreeMap<>();
        for (AgentPartial p : partials) {
            work.merge(p.agentId(), new Work(p.stats() == null ? AgentStats.EMPTY : p.stats(),
                    p.csat() == null ? CsatCounts.EMPTY : p.csat()), Work::merge);
            if (p.now() != null) {
                now.put(p.agentId(), p.now());
            }
        }
        List<Map.Entry<String, Work>> ranked = new ArrayList<>(work.entrySet());
        ranked.sort(Comparator.comparing((Map.Entry<String, Work> e) -> e.getValue(), order(sort))
                .thenComparing(Map.Entry::getKey));
        List<AgentRow> rows = new ArrayList<>();
        for (Map.Entry<String, Work> e : ranked.subList(0, Math.min(limit, ranked.size()))) {
            AgentStats s = e.getValue().stats();
            CsatCounts csat = e.getValue().csat();
            AgentNow a = now.get(e.getKey());
            rows.add(new AgentRow(rows.size() + 1, e.getKey(),
                    a == null ? null : a.state().name().toLowerCase(Locale.ROOT),
                    a == null ? List.of() : a.queues(), s.answered(), s.handled(), s.ahtSeconds(),
                    s.handledWithTimes(), s.transfers(), s.transferRate(), s.answered(),
                    csat.mean(), csat.satisfiedShare(), csat.n()));
        }
        return rows;
    }

    /** Best first; agents without the figure (n = 0) last. */
    private static Comparator<Work> order(String sort) {
        return switch (sort) {
            case "handled" -> Comparator.comparingLong((Work w) -> w.stats().handled()).reversed();
            case "transfers" -> Comparator.comparingLong((Work w) -> w.stats().transfers()).reversed();
            case "aht" -> Comparator.comparing((Work w) -> w.stats().ahtSeconds(),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case "transferRate" -> Comparator.comparing((Work w) -> w.stats().transferRate(),
                    Comparator.nullsLast(Comparator.reverseOrder()));
            case "csat" -> Comparator.comparing((Work w) -> w.csat().mean(),
                    Comparator.nullsLast(Comparator.reverseOrder()));
            default -> throw new IllegalArgumentException("unknown sort " + sort);
        };
    }
}
