package io.vocstream.repair;

import io.vocstream.buckets.Mergeable;

/**
 * The repair statistics of one slice and time bucket, as sums that merge. Each work order (with its asset's
 * history for repeats and returns, and its surveys and complaints) contributes to the buckets of the moments its
 * figures belong to (see {@link WorkOrder#contributions}); when a later event changes an order, its old
 * contribution is withdrawn (merged negated) and the new one added, so the sums always equal those of the orders'
 * latest known lifecycles, whatever order their events arrived in. Each partition's processor fills only its own
 * fields; queries merge them.
 *
 * @param created          orders created (bucket of CREATED), cancelled ones included
 * @param cancelled        of those, cancelled
 * @param promised         arrivals of non-cancelled orders with a promised window (bucket of the first ARRIVED)
 * @param onTime           of those, arriving at or before the window's end
 * @param timeToArrive     first ARRIVED − CREATED of non-cancelled orders (bucket of the first ARRIVED)
 * @param timeToComplete   first COMPLETED − CREATED of non-cancelled orders (bucket of the first COMPLETED)
 * @param closable         non-cancelled orders created (bucket of CREATED)
 * @param closed           of those, completed and not reopened since
 * @param handedBack       non-cancelled orders created and completed at least once (bucket of CREATED)
 * @param reopened         of those, reopened at least once
 * @param outages          non-cancelled outage orders created (bucket of CREATED)
 * @param customerMillis   customers affected × interruption time in ms (CREATED to first COMPLETED of outage
 *                         orders) within a window: never in buckets, added at query time from the interruptions
 *                         (see {@link Interruption})
 * @param interruptions    outage orders whose interruption overlaps the window, behind {@code customerMillis}
 * @param restoration      first COMPLETED − CREATED of outage orders (bucket of the first COMPLETED)
 * @param repeatable       non-cancelled orders created with an asset or customer (bucket of CREATED)
 * @param repeats          of those, created within the repeat window after another order for the same asset or
 *                         customer
 * @param returnable       orders completed with an asset or customer (bucket of the first COMPLETED)
 * @param returned         of those, followed by another order (or a reopen) for the same asset or customer within
 *                         the return window of their completion
 * @param surveyed         survey responses with a CSAT linked to non-cancelled orders (bucket of the response)
 * @param csatSum          sum of their CSAT (1..5)
 * @param csatSumSquares   sum of their squared CSAT
 * @param satisfied        of those, CSAT 4 or 5 (top-2-box)
 * @param linkedComplaints complaints OPENED about non-cancelled orders (bucket of the OPENED)
 * @param complainable     non-cancelled orders created (bucket of CREATED), for the complaint rate
 * @param complained       of those, with at least one linked complaint
 */
public record RepairStats(long created, long cancelled, long promised, long onTime, DurationHistogram timeToArrive,
                          DurationHistogram timeToComplete, long closable, long closed, long handedBack,
                          long reopened, long outages, long customerMillis,
                          long interruptions, DurationHistogram restoration,
                          long repeatable, long repeats, long returnable, long returned, long surveyed,
                          long csatSum, long csatSumSquares, long satisfied, long linkedComplaints,
                          long complainable, long complained)
        implements Mergeable<RepairStats> {

    public static final RepairStats EMPTY = new RepairStats(0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, null,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public RepairStats {
        timeToArrive = timeToArrive == null ? DurationHistogram.EMPTY : timeToArrive;
        timeToComplete = timeToComplete == null ? DurationHistogram.EMPTY : timeToComplete;
        restoration = restoration == null ? DurationHistogram.EMPTY : restoration;
    }

    @Override
    public RepairStats merge(RepairStats o) {
        return new RepairStats(created + o.created, cancelled + o.cancelled, promised + o.promised,
                onTime + o.onTime, timeToArrive.merge(o.timeToArrive), timeToComplete.merge(o.timeToComplete),
                closable + o.closable, closed + o.closed, handedBack + o.handedBack, reopened + o.reopened,
                outages + o.outages, customerMillis + o.customerMillis,
                interruptions + o.interruptions, restoration.merge(o.restoration),
                repeatable + o.repeatable, repeats + o.repeats, returnable + o.returnable, returned + o.returned,
                surveyed + o.surveyed, csatSum + o.csatSum, csatSumSquares + o.csatSumSquares,
                satisfied + o.satisfied, linkedComplaints + o.linkedComplaints, complainable + o.complainable,
                complained + o.complained);
    }

    /** The inverse under {@link #merge}: merging a statistic with its negation gives {@link #EMPTY}. */
    public RepairStats negated() {
        return new RepairStats(-created, -cancelled, -promised, -onTime, timeToArrive.negated(),
                timeToComplete.negated(), -closable, -closed, -handedBack, -reopened, -outages, -customerMillis,
                -interruptions, restoration.negated(), -repeatable, -repeats, -returnable, -returned, -surveyed,
                -csatSum, -csatSumSquares, -satisfied, -linkedComplaints, -complainable, -complained);
    }

    public boolean none() {
        return equals(EMPTY);
    }

    /** An order's contribution at its creation. */
    static RepairStats creation(boolean cancelled, boolean closed, boolean handedBack, boolean reopened,
                                boolean outage) {
        boolean counts = !cancelled;
        return new RepairStats(1, cancelled ? 1 : 0, 0, 0, null, null, counts ? 1 : 0, counts && closed ? 1 : 0,
                counts && handedBack ? 1 : 0, counts && handedBack && reopened ? 1 : 0, counts && outage ? 1 : 0, 0,
                0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** A non-cancelled order's first arrival: on time or not ({@code null} without a promise), and its wait. */
    static RepairStats arrival(Boolean onTime, Long waitMillis) {
        return new RepairStats(0, 0, onTime == null ? 0 : 1, Boolean.TRUE.equals(onTime) ? 1 : 0,
                waitMillis == null ? null : DurationHistogram.of(waitMillis), null, 0, 0, 0, 0, 0, 0, 0, null,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** A non-cancelled order's first completion, {@code millis} after its creation. */
    static RepairStats completion(long millis, boolean outage) {
        return new RepairStats(0, 0, 0, 0, null, DurationHistogram.of(millis), 0, 0, 0, 0, 0, 0, 0,
                outage ? DurationHistogram.of(millis) : null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** One outage's customers without supply × the part of its interruption falling in a window. */
    static RepairStats interruption(long customerMillis) {
        return new RepairStats(0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, customerMillis, 1, null, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0);
    }

    /** An order created for an asset or customer: a repeat or not. */
    static RepairStats repeatOutcome(boolean repeat) {
        return new RepairStats(0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, null, 1, repeat ? 1 : 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0);
    }

    /** An order completed for an asset or customer: returned to within the return window or not. */
    static RepairStats returnOutcome(boolean returned) {
        return new RepairStats(0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 1, returned ? 1 : 0,
                0, 0, 0, 0, 0, 0, 0);
    }

    /** A CSAT response linked to a non-cancelled order. */
    static RepairStats survey(int csat) {
        return new RepairStats(0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 1, csat,
                (long) csat * csat, csat >= 4 ? 1 : 0, 0, 0, 0);
    }

    /** A complaint opened about a non-cancelled order. */
    static RepairStats linkedComplaint() {
        return new RepairStats(0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0,
                0);
    }

    /** A non-cancelled order at its creation: complained about or not. */
    static RepairStats complaintOutcome(boolean complained) {
        return new RepairStats(0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
                complained ? 1 : 0);
    }
}
