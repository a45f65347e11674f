package io.vocstream.producers.sim;

import io.vocstream.events.Channel;
import io.vocstream.events.ComplaintReasonClass;
import io.vocstream.events.RepairEvent;
import io.vocstream.events.RepairEventType;
import io.vocstream.schemas.EventTopic;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Field repair: work orders get a promised arrival window (same day for urgent work, a next-day slot otherwise) and
 * wait for one of the region's crews, outages first. Crews are few, so when outages pile up the other orders arrive
 * late. Some orders are cancelled, some repairs do not hold and are reopened, some faults come back as a new order
 * for the same asset, and each of these can turn into a complaint or a poor survey.
 */
final class RepairModel {
    static final long REPEAT_REPAIR_WINDOW_MILLIS = 45 * LocalCalendar.DAY_MILLIS;
    private static final List<String> FAULTS = List.of("meter", "service_drop", "line", "transformer", "street_light");
    private static final double[] FAULT_WEIGHTS = {0.40, 0.25, 0.20, 0.05, 0.10};
    private static final List<String> OUTCOMES =
            List.of("repaired", "replaced", "temporary_fix", "no_fault_found", "customer_owned_asset");
    private static final double[] OUTCOME_WEIGHTS = {0.68, 0.15, 0.08, 0.05, 0.04};
    private static final int[] SLOT_START_HOURS = {8, 12, 16};

    private final SimContext ctx;
    private final ContactArrivals arrivals;
    private final ComplaintModel complaints;
    private final SurveyModel surveys;
    private final Map<String, Crews> crews = new HashMap<>();

    RepairModel(SimContext ctx, ContactArrivals arrivals, ComplaintModel complaints, SurveyModel surveys) {
        this.ctx = ctx;
        this.arrivals = arrivals;
        this.complaints = complaints;
        this.surveys = surveys;
        for (Region region : ctx.world.regions()) {
            crews.put(region.name(), new Crews(region, Math.max(2, (int) Math.round(region.crews() * ctx.scale))));
        }
    }

    /** A work order booked during a contact. */
    void fromContact(Contact contact, RepairKind kind) {
        Customer customer = contact.customer;
        String category = switch (kind) {
            case FAULT -> Draw.weighted(ctx.random, FAULTS, FAULT_WEIGHTS);
            case NO_SUPPLY -> "no_supply";
            case METER_CHECK -> "meter";
            case CONNECTION -> "new_connection";
            case NONE -> throw new IllegalArgumentException("no work order for " + kind);
        };
        CustomerMemory.History history = ctx.memory.of(customer, ctx.now());
        boolean repeatRepair = ctx.now() - history.lastRepairCompletedAt() < REPEAT_REPAIR_WINDOW_MILLIS;
        WorkOrder order = new WorkOrder(ctx.ids.entityId("wo"), customer, customer.region(), category,
                kind == RepairKind.NO_SUPPLY, customer.assetId(), customer.feederId(),
                kind == RepairKind.NO_SUPPLY ? 1 : null, contact.id, contact.channel, kind.urgent() ? 1 : 2);
        if (kind.urgent()) {
            promise(order, ctx.now(), hours(customer.region().urban() ? 4 : 6));
            created(order);
            queue(order);
        } else {
            long slotStart = nextDaySlot();
            promise(order, slotStart, hours(4));
            created(order);
            long ready = slotStart - (long) (Draw.lognormal(ctx.random, 40, 0.5) * 60_000);
            ctx.scheduler.at(ready, () -> {
                if (order.status == WorkOrder.Status.SCHEDULED) {
                    queue(order);
                }
            });
            if (Draw.chance(ctx.random, 0.04)) {
                long at = ctx.now() + (long) (ctx.random.nextDouble() * (slotStart - ctx.now()));
                ctx.scheduler.at(at, () -> {
                    if (order.status == WorkOrder.Status.SCHEDULED || order.status == WorkOrder.Status.QUEUED) {
                        cancel(order, "customer_cancelled");
                    }
                });
            }
        }
        if (repeatRepair) {
            complaints.consider(customer, Grievance.REPEAT_REPAIR, "repair", links(order, null));
        }
    }

    /**
     * An order to restore a feeder. With {@code restoreAt} > 0 a dedicated emergency crew restores it by then
     * (major incidents); otherwise it waits for a regional crew like any order, ahead of the others.
     */
    WorkOrder forOutage(Region region, int feeder, int customersAffected, long restoreAt, Runnable onRestored) {
        String feederId = region.feederId(feeder);
        WorkOrder order = new WorkOrder(ctx.ids.entityId("wo"), null, region, "outage", true, feederId + "-tx",
                feederId, customersAffected, null, Channel.FIELD, 0);
        promise(order, ctx.now(), hours(region.urban() ? 2 : 3));
        order.onRestored = onRestored;
        created(order);
        if (restoreAt > 0) {
            emergencyRestoration(order, restoreAt);
        } else {
            queue(order);
        }
        return order;
    }

    private void promise(WorkOrder order, long windowStart, long length) {
        order.windowStart = windowStart;
        order.windowEnd = windowStart + length;
    }

    /** A four-hour slot tomorrow (local time). */
    private long nextDaySlot() {
        LocalDate tomorrow = ctx.calendar.date(ctx.now()).plusDays(1);
        int hour = SLOT_START_HOURS[ctx.random.nextInt(SLOT_START_HOURS.length)];
        return ctx.calendar.epochMillisAt(tomorrow, LocalTime.of(hour, 0));
    }

    private void created(WorkOrder order) {
        emit(order, RepairEventType.CREATED, b -> b.setPromisedWindowStart(instant(order.windowStart))
                .setPromisedWindowEnd(instant(order.windowEnd)));
    }

    private void queue(WorkOrder order) {
        order.status = WorkOrder.Status.QUEUED;
        Crews regional = crews.get(order.region.name());
        regional.waiting.get(order.priority).addLast(order);
        dispatchWaiting(regional);
    }

    private void dispatchWaiting(Crews regional) {
        while (!regional.free.isEmpty()) {
            WorkOrder next = regional.nextWaiting();
            if (next == null) {
                return;
            }
            dispatch(next, regional.free.pollFirst(), regional);
        }
    }

    private void dispatch(WorkOrder order, String technicianId, Crews regional) {
        order.status = WorkOrder.Status.DISPATCHED;
        order.technicianId = technicianId;
        emit(order, RepairEventType.DISPATCHED, b -> b.setTechnicianId(technicianId));
        double travelMinutes = Draw.lognormal(ctx.random, order.region.urban() ? 25 : 45, 0.5);
        ctx.scheduler.after(travelMinutes * 60, () -> arrive(order, regional));
    }

    private void arrive(WorkOrder order, Crews regional) {
        order.status = WorkOrder.Status.ON_SITE;
        if (order.visits++ == 0) {
            order.firstLateMinutes = Math.max(0, (ctx.now() - order.windowEnd) / 60_000.0);
        }
        emit(order, RepairEventType.ARRIVED, b -> b.setTechnicianId(order.technicianId));
        if (order.customer != null && !order.outage && Draw.chance(ctx.random, 0.03)) {
            ctx.scheduler.after(600, () -> {
                cancel(order, "no_access");
                freeCrew(order, regional);
                if (Draw.chance(ctx.random, 0.7)) {
                    arrivals.contactLater(order.customer, ctx.world.queue("repairs"), Channel.VOICE,
                            Draw.lognormal(ctx.random, 3 * 3600, 0.8), ContactReason.REPAIR_FOLLOW_UP);
                }
            });
            return;
        }
        double workMinutes = Draw.lognormal(ctx.random, workMinutes(order), 0.6);
        ctx.scheduler.after(workMinutes * 60, () -> {
            complete(order);
            freeCrew(order, regional);
        });
    }

    private double workMinutes(WorkOrder order) {
        return switch (order.category) {
            case "outage" -> order.region.urban() ? 75 : 140;
            case "meter" -> 45;
            case "service_drop" -> 90;
            case "line" -> 150;
            case "transformer" -> 240;
            case "new_connection" -> 120;
            default -> 60;
        };
    }

    private void emergencyRestoration(WorkOrder order, long restoreAt) {
        long span = restoreAt - ctx.now();
        String technicianId = "tech-" + order.region.name() + "-emergency";
        ctx.scheduler.at(ctx.now() + span / 6, () -> {
            order.status = WorkOrder.Status.DISPATCHED;
            order.technicianId = technicianId;
            emit(order, RepairEventType.DISPATCHED, b -> b.setTechnicianId(technicianId));
        });
        ctx.scheduler.at(ctx.now() + span / 2, () -> {
            order.status = WorkOrder.Status.ON_SITE;
            order.visits++;
            emit(order, RepairEventType.ARRIVED, b -> b.setTechnicianId(technicianId));
        });
        ctx.scheduler.at(restoreAt, () -> complete(order));
    }

    private void complete(WorkOrder order) {
        order.status = WorkOrder.Status.COMPLETED;
        order.completionCode = order.customer == null || order.category.equals("no_supply") ? "restored"
                : order.category.equals("new_connection") ? "connected"
                : Draw.weighted(ctx.random, OUTCOMES, OUTCOME_WEIGHTS);
        emit(order, RepairEventType.COMPLETED, b -> b.setTechnicianId(order.technicianId)
                .setReason(order.completionCode));
        if (order.onRestored != null) {
            order.onRestored.run();
        }
        if (order.customer == null) {
            return;
        }
        ctx.memory.of(order.customer, ctx.now()).repairCompleted(ctx.now());
        if (order.visits == 1 && order.firstLateMinutes > 0) {
            complaints.consider(order.customer, Grievance.LATE_REPAIR, "repair", links(order, null));
        }
        double reopenChance = 0.04 + switch (order.completionCode) {
            case "temporary_fix" -> 0.25;
            case "no_fault_found" -> 0.10;
            default -> 0;
        };
        if (!order.reopened && Draw.chance(ctx.random, reopenChance)) {
            ctx.scheduler.after(Draw.lognormal(ctx.random, 2 * 86_400, 1.0), () -> reopen(order));
        } else if (Draw.chance(ctx.random, 0.04)) {
            // The fault comes back later: the customer calls and a new order is booked for the same asset.
            arrivals.contactLater(order.customer, ctx.world.queue("repairs"), Channel.VOICE,
                    Draw.lognormal(ctx.random, 15 * 86_400, 0.6), ContactReason.REPAIR_FOLLOW_UP);
        }
        surveys.afterRepair(order);
    }

    private void reopen(WorkOrder order) {
        order.reopened = true;
        promise(order, ctx.now(), hours(8));
        emit(order, RepairEventType.REOPENED, b -> b.setReason("fault_recurred")
                .setPromisedWindowStart(instant(order.windowStart)).setPromisedWindowEnd(instant(order.windowEnd)));
        complaints.consider(order.customer, Grievance.REOPENED_REPAIR, "repair", links(order,
                order.completionCode.equals("customer_owned_asset") ? ComplaintReasonClass.CUSTOMER_OWNED_ASSET
                        : null));
        queue(order);
    }

    private void cancel(WorkOrder order, String reason) {
        order.status = WorkOrder.Status.CANCELLED;
        emit(order, RepairEventType.CANCELLED, b -> b.setReason(reason).setTechnicianId(order.technicianId));
    }

    private void freeCrew(WorkOrder order, Crews regional) {
        regional.free.addLast(order.technicianId);
        dispatchWaiting(regional);
    }

    private static ComplaintLinks links(WorkOrder order, ComplaintReasonClass likelyReason) {
        return new ComplaintLinks(order.contactId, null, order.id, order.assetId, order.feederId, likelyReason);
    }

    private void emit(WorkOrder order, RepairEventType type, UnaryOperator<RepairEvent.Builder> details) {
        RepairEvent.Builder event = RepairEvent.newBuilder()
                .setEventId(ctx.eventId())
                .setEventTime(ctx.nowInstant())
                .setWorkOrderId(order.id)
                .setType(type)
                .setCategory(order.category)
                .setOutage(order.outage)
                .setAssetId(order.assetId)
                .setFeederId(order.feederId)
                .setCustomersAffected(order.customersAffected)
                .setContactId(order.contactId)
                .setChannel(order.channel)
                .setRegion(order.region.name());
        if (order.customer != null) {
            event.setCustomerId(order.customer.id())
                    .setSegment(order.customer.segment().label())
                    .setTier(order.customer.tier().label());
        }
        ctx.emit(EventTopic.REPAIR, order.id, details.apply(event).build());
    }

    private static Instant instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    private static long hours(double hours) {
        return (long) (hours * 3_600_000);
    }

    /** A region's crews: technicians free now, and orders waiting for one by priority. */
    private static final class Crews {
        final ArrayDeque<String> free = new ArrayDeque<>();
        /** By priority: outages, urgent work, appointments. */
        final List<ArrayDeque<WorkOrder>> waiting = List.of(new ArrayDeque<>(), new ArrayDeque<>(),
                new ArrayDeque<>());

        Crews(Region region, int count) {
            for (int i = 1; i <= count; i++) {
                free.addLast(String.format("tech-%s-%03d", region.name(), i));
            }
        }

        WorkOrder nextWaiting() {
            for (ArrayDeque<WorkOrder> orders : waiting) {
                WorkOrder order;
                while ((order = orders.pollFirst()) != null) {
                    if (order.status == WorkOrder.Status.QUEUED) {
                        return order;
                    }
                }
            }
            return null;
        }
    }
}
