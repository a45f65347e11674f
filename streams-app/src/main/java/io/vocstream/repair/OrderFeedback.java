package io.vocstream.repair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * What customers said about one work order: the survey responses and complaints linked to it, with the order's
 * summary once it is known (a survey may arrive before the order's events). Derived from the set alone.
 *
 * @param order {@code null} until the order's CREATED is in
 */
public record OrderFeedback(OrderVisit order, List<RepairLink.LinkedSurvey> surveys,
                            List<RepairLink.LinkedComplaint> complaints) {
    static final OrderFeedback NONE = new OrderFeedback(null, List.of(), List.of());

    public OrderFeedback {
        surveys = List.copyOf(surveys);
        complaints = List.copyOf(complaints);
    }

    OrderFeedback with(RepairLink link) {
        if (link.order() != null) {
            return new OrderFeedback(link.order(), surveys, complaints);
        }
        if (link.survey() != null
                && surveys.stream().noneMatch(s -> s.responseId().equals(link.survey().responseId()))) {
            List<RepairLink.LinkedSurvey> more = new ArrayList<>(surveys);
            more.add(link.survey());
            return new OrderFeedback(order, more, complaints);
        }
        if (link.complaint() != null
                && complaints.stream().noneMatch(c -> c.complaintId().equals(link.complaint().complaintId()))) {
            List<RepairLink.LinkedComplaint> more = new ArrayList<>(complaints);
            more.add(link.complaint());
            return new OrderFeedback(order, surveys, more);
        }
        return this;
    }

    /** The latest time this feedback knows of, for forgetting it. */
    long latestAt() {
        return Stream.of(order == null ? LongStream.empty() : LongStream.of(order.createdAt()),
                        surveys.stream().mapToLong(RepairLink.LinkedSurvey::at),
                        complaints.stream().mapToLong(RepairLink.LinkedComplaint::at))
                .flatMapToLong(s -> s).max().orElse(Long.MIN_VALUE);
    }

    /**
     * For a known, non-cancelled order: each survey's CSAT at the response, each complaint at its OPENED, and whether
     * the order was complained about at its creation.
     */
    StatsCells cells() {
        StatsCells cells = new StatsCells();
        if (order == null || order.cancelled()) {
            return cells;
        }
        Map<Long, RepairStats> byTime = new HashMap<>();
        byTime.merge(order.createdAt(), RepairStats.complaintOutcome(!complaints.isEmpty()), RepairStats::merge);
        surveys.forEach(s -> byTime.merge(s.at(), RepairStats.survey(s.csat()), RepairStats::merge));
        complaints.forEach(c -> byTime.merge(c.at(), RepairStats.linkedComplaint(), RepairStats::merge));
        return cells.add(order.sliceKeys(), byTime);
    }
}
