package io.vocstream.repair;

import io.vocstream.buckets.SliceKeys;
import io.vocstream.events.RepairEventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything known about one work order: its events in event-time order. Every figure is derived from this set of
 * events alone, so the figures do not depend on the order the events arrived in: an ARRIVED received before its
 * CREATED counts the same once both are in. Nothing counts before the CREATED is in (it carries the creation time
 * and the promise).
 */
public record WorkOrder(String workOrderId, List<RepairStep> steps) {
    /** The slicing dimensions of repair figures, besides {@code all}. */
    public static final List<String> DIMENSIONS = List.of("region", "segment", "tier", "category", "technician");

    private static final Comparator<RepairStep> EVENT_TIME_ORDER = Comparator.comparingLong(RepairStep::at)
            .thenComparing(RepairStep::type).thenComparing(RepairStep::eventId);

    public WorkOrder {
        steps = List.copyOf(steps);
    }

    static WorkOrder none(String workOrderId) {
        return new WorkOrder(workOrderId, List.of());
    }

    /** This order with one more event (an event already held, by eventId, changes nothing). */
    WorkOrder with(RepairStep step) {
        if (steps.stream().anyMatch(s -> s.eventId().equals(step.eventId()))) {
            return this;
        }
        List<RepairStep> more = new ArrayList<>(steps);
        more.add(step);
        more.sort(EVENT_TIME_ORDER);
        return new WorkOrder(workOrderId, more);
    }

    /** The earliest CREATED, if it is in. */
    public Optional<RepairStep> creation() {
        return Optional.ofNullable(first(RepairEventType.CREATED));
    }

    public boolean cancelled() {
        return firstAt(RepairEventType.CANCELLED) != null;
    }

    /** Created, not cancelled, and not completed, or reopened after its last completion. */
    public boolean open() {
        if (creation().isEmpty() || cancelled()) {
            return false;
        }
        Long completed = lastAt(RepairEventType.COMPLETED);
        Long reopened = lastAt(RepairEventType.REOPENED);
        return completed == null || (reopened != null && reopened > completed);
    }

    /** not_created (only later events are in so far), open, completed or cancelled. */
    public String status() {
        if (creation().isEmpty()) {
            return "not_created";
        }
        return cancelled() ? "cancelled" : open() ? "open" : "completed";
    }

    public Long firstAt(RepairEventType type) {
        RepairStep first = first(type);
        return first == null ? null : first.at();
    }

    public Long lastAt(RepairEventType type) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).type() == type) {
                return steps.get(i).at();
            }
        }
        return null;
    }

    // loops rather than streams: every repair event asks these questions many times over
    private RepairStep first(RepairEventType type) {
        for (RepairStep step : steps) {
            if (step.type() == type) {
                return step;
            }
        }
        return null;
    }

    public long lastEventAt() {
        return steps.isEmpty() ? Long.MIN_VALUE : steps.get(steps.size() - 1).at();
    }

    /** A property as the CREATED states it, else as the earliest event that states it. */
    private <T> T stated(Function<RepairStep, T> property) {
        RepairStep created = first(RepairEventType.CREATED);
        T value = created == null ? null : property.apply(created);
        for (int i = 0; value == null && i < steps.size(); i++) {
            value = property.apply(steps.get(i));
        }
        return value;
    }

    /** A property as the latest event that states it (the technician now assigned, the latest outage estimate). */
    private <T> T latest(Function<RepairStep, T> property) {
        T value = null;
        for (int i = steps.size() - 1; value == null && i >= 0; i--) {
            value = property.apply(steps.get(i));
        }
        return value;
    }

    public boolean outage() {
        return creation().map(RepairStep::outage).orElse(false);
    }

    public int customersAffected() {
        Integer affected = latest(RepairStep::customersAffected);
        return affected == null ? 0 : affected;
    }

    /** The asset repaired, or for orders without one the customer: what a repeat repair is a repeat for. */
    public String subject() {
        String asset = stated(RepairStep::assetId);
        if (asset != null && !asset.isBlank()) {
            return "asset:" + asset;
        }
        String customer = stated(RepairStep::customerId);
        return customer == null || customer.isBlank() ? null : "customer:" + customer;
    }

    /** The value of each slicing dimension (technician: the one assigned last). */
    public Map<String, String> dimensions() {
        Map<String, String> values = new TreeMap<>();
        values.put("region", stated(RepairStep::region));
        values.put("segment", stated(RepairStep::segment));
        values.put("tier", stated(RepairStep::tier));
        values.put("category", stated(RepairStep::category));
        values.put("technician", latest(RepairStep::technicianId));
        return values;
    }

    /** The slices this order counts in: all, and its value of every dimension. */
    public List<String> sliceKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(SliceKeys.all());
        Map<String, String> values = dimensions();
        DIMENSIONS.forEach(d -> keys.add(SliceKeys.of(d, values.get(d))));
        return keys;
    }

    /**
     * What this order adds, by the moment each part belongs to: its creation (at CREATED), first arrival and first
     * completion (its {@link #interruption}, if any, is kept whole). Cancelled orders count only as created and
     * cancelled.
     */
    public Map<Long, RepairStats> contributions() {
        Map<Long, RepairStats> byTime = new HashMap<>();
        RepairStep created = creation().orElse(null);
        if (created == null) {
            return byTime;
        }
        long createdAt = created.at();
        boolean cancelled = cancelled();
        Long completedAt = firstAt(RepairEventType.COMPLETED);
        add(byTime, createdAt, RepairStats.creation(cancelled, !open(), completedAt != null,
                firstAt(RepairEventType.REOPENED) != null, outage()));
        if (cancelled) {
            return byTime;
        }
        Long arrivedAt = firstAt(RepairEventType.ARRIVED);
        if (arrivedAt != null) {
            Long promiseEnd = created.promisedWindowEnd();
            // arriving exactly at the end of the promised window keeps the promise
            Boolean onTime = promiseEnd == null ? null : arrivedAt <= promiseEnd;
            add(byTime, arrivedAt, RepairStats.arrival(onTime,
                    arrivedAt >= createdAt ? arrivedAt - createdAt : null));
        }
        if (completedAt != null && completedAt >= createdAt) {
            add(byTime, completedAt, RepairStats.completion(completedAt - createdAt, outage()));
        }
        return byTime;
    }

    /** The interruption of a completed, not cancelled outage with customers affected; empty for any other order. */
    public Optional<Interruption> interruption() {
        RepairStep created = creation().orElse(null);
        Long completedAt = firstAt(RepairEventType.COMPLETED);
        if (created == null || cancelled() || !outage() || customersAffected() <= 0 || completedAt == null
                || completedAt < created.at()) {
            return Optional.empty();
        }
        return Optional.of(new Interruption(created.at(), completedAt, customersAffected()));
    }

    private static void add(Map<Long, RepairStats> byTime, long at, RepairStats stats) {
        byTime.merge(at, stats, RepairStats::merge);
    }
}
