package io.vocstream.repair;

import io.vocstream.events.RepairEventType;
import java.util.List;

/**
 * What the repeat and return figures need of one work order, sent to the partition of its subject (asset or
 * customer). Times are epoch milliseconds.
 *
 * @param firstCompletedAt {@code null} before the first COMPLETED
 * @param firstReopenedAt  {@code null} unless reopened
 */
public record OrderVisit(String workOrderId, long createdAt, boolean cancelled, Long firstCompletedAt,
                         Long firstReopenedAt, List<String> sliceKeys) {
    static OrderVisit of(WorkOrder order) {
        return new OrderVisit(order.workOrderId(), order.creation().orElseThrow().at(), order.cancelled(),
                order.firstAt(RepairEventType.COMPLETED),
                order.firstAt(RepairEventType.REOPENED), order.sliceKeys());
    }

    /** Whether this order was created before {@code other} (ties broken by id, so exactly one of two is first). */
    boolean before(OrderVisit other) {
        return createdAt < other.createdAt
                || (createdAt == other.createdAt && workOrderId.compareTo(other.workOrderId) < 0);
    }
}
