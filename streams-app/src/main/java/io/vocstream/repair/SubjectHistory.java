package io.vocstream.repair;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent work orders of one asset (or customer): what decides whether an order is a repeat repair and whether a
 * completed order was returned to. Derived from the set of visits alone, so arrival order does not matter.
 */
public record SubjectHistory(List<OrderVisit> visits) {
    static final SubjectHistory NONE = new SubjectHistory(List.of());

    public SubjectHistory {
        visits = List.copyOf(visits);
    }

    /** This history with {@code visit} replacing the earlier state of its order. */
    SubjectHistory with(OrderVisit visit) {
        List<OrderVisit> updated = new ArrayList<>(visits.stream()
                .filter(v -> !v.workOrderId().equals(visit.workOrderId())).toList());
        updated.add(visit);
        return new SubjectHistory(updated);
    }

    /**
     * This history without the orders created more than {@code keep} before the newest: too old to make a kept
     * order a repeat or a return. What they contributed stays written; it is only no longer revised.
     */
    SubjectHistory pruned(Duration keep) {
        long horizon = newestCreatedAt() - keep.toMillis();
        return new SubjectHistory(visits.stream().filter(v -> v.createdAt() >= horizon).toList());
    }

    long newestCreatedAt() {
        return visits.stream().mapToLong(OrderVisit::createdAt).max().orElse(Long.MIN_VALUE);
    }

    /**
     * Per non-cancelled order: a repeat outcome at its creation (an earlier order for the subject created within
     * {@code repeatWindow} before it, or its own reopen within {@code repeatWindow} of its creation), and once
     * completed, a return outcome at its first completion (a later order created, or its own reopen, within
     * {@code returnWindow} after that completion).
     */
    StatsCells cells(Duration repeatWindow, Duration returnWindow) {
        StatsCells cells = new StatsCells();
        List<OrderVisit> counted = visits.stream().filter(v -> !v.cancelled()).toList();
        for (OrderVisit v : counted) {
            Map<Long, RepairStats> byTime = new HashMap<>();
            boolean repeat = counted.stream().anyMatch(u -> u.before(v)
                    && v.createdAt() - u.createdAt() <= repeatWindow.toMillis())
                    || within(v.createdAt(), v.firstReopenedAt(), repeatWindow);
            byTime.merge(v.createdAt(), RepairStats.repeatOutcome(repeat), RepairStats::merge);
            Long completedAt = v.firstCompletedAt();
            if (completedAt != null) {
                boolean returned = counted.stream().anyMatch(u -> u != v && u.createdAt() > completedAt
                        && u.createdAt() - completedAt <= returnWindow.toMillis())
                        || within(completedAt, v.firstReopenedAt(), returnWindow);
                byTime.merge(completedAt, RepairStats.returnOutcome(returned), RepairStats::merge);
            }
            cells.add(v.sliceKeys(), byTime);
        }
        return cells;
    }

    private static boolean within(long from, Long at, Duration window) {
        return at != null && at >= from && at - from <= window.toMillis();
    }
}
