package io.vocstream.repair;

import io.vocstream.events.RepairEvent;
import io.vocstream.events.RepairEventType;
import java.time.Instant;

/**
 * One event of a work order's lifecycle, as kept in the order's state and shown by the lifecycle route. Times are
 * epoch milliseconds.
 */
public record RepairStep(String eventId, RepairEventType type, long at, String category, String region,
                         String segment, String tier, boolean outage, Long promisedWindowStart,
                         Long promisedWindowEnd, String customerId, String assetId, Integer customersAffected,
                         String technicianId, String reason) {

    static RepairStep of(RepairEvent e) {
        return new RepairStep(e.getEventId(), e.getType(), e.getEventTime().toEpochMilli(), e.getCategory(),
                e.getRegion(), e.getSegment(), e.getTier(), e.getOutage(), millisOrNull(e.getPromisedWindowStart()),
                millisOrNull(e.getPromisedWindowEnd()), e.getCustomerId(), e.getAssetId(), e.getCustomersAffected(),
                e.getTechnicianId(), e.getReason());
    }

    private static Long millisOrNull(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
