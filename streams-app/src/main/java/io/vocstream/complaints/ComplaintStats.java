package io.vocstream.complaints;

import io.vocstream.buckets.Mergeable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Complaint counts of one slice and time bucket, attributed to the bucket of each complaint's OPENED time (its
 * cohort). A complaint's contribution changes as its lifecycle unfolds; the change is stored as a delta (the new
 * contribution merged with the old one negated), so every field adds up across buckets, partitions and instances.
 * The repeat-complainant and handled-contact fields are kept by their own processors in stores of their own and
 * meet the lifecycle counts at query time.
 *
 * @param opened               complaints opened
 * @param firstResponded       complaints with a first response
 * @param onTimeFirstResponse  of those, first response within the category's promise
 * @param resolved             complaints resolved (first RESOLVED or CLOSED step)
 * @param resolvedWithin24h    of those, resolved within 24 hours of opening
 * @param resolvedWithin8Weeks of those, resolved within 8 weeks of opening
 * @param ended                complaints whose latest step is RESOLVED or CLOSED
 * @param reopened             complaints reopened at least once
 * @param appealed             complaints appealed to a regulator at least once
 * @param classified           complaints classified as substantiated or not
 * @param substantiated        of those, substantiated
 * @param reasonClasses        classified complaints per reason class
 * @param firstResponseSeconds opening to first response, per complaint with one
 * @param resolveSeconds       opening to resolution, per resolved complaint
 * @param withCustomer         complaints that name their customer (the repeat-complainant base)
 * @param repeatComplaints     of those, complaints whose customer opened another one in the 30 days up to it
 * @param answeredContacts     contacts answered by an agent (handled contacts)
 */
public record ComplaintStats(long opened, long firstResponded, long onTimeFirstResponse, long resolved,
                             long resolvedWithin24h, long resolvedWithin8Weeks, long ended, long reopened,
                             long appealed, long classified, long substantiated, Map<String, Long> reasonClasses,
                             DurationHistogram firstResponseSeconds, DurationHistogram resolveSeconds,
                             long withCustomer, long repeatComplaints, long answeredContacts)
        implements Mergeable<ComplaintStats> {

    private static final ComplaintStats EMPTY = new ComplaintStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(),
            DurationHistogram.empty(), DurationHistogram.empty(), 0, 0, 0);

    public ComplaintStats {
        reasonClasses = reasonClasses == null ? Map.of() : Map.copyOf(reasonClasses);
        firstResponseSeconds = firstResponseSeconds == null ? DurationHistogram.empty() : firstResponseSeconds;
        resolveSeconds = resolveSeconds == null ? DurationHistogram.empty() : resolveSeconds;
    }

    public static ComplaintStats empty() {
        return EMPTY;
    }

    static ComplaintStats answeredContact() {
        return new ComplaintStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), null, null, 0, 0, 1);
    }

    static ComplaintStats customerComplaint(boolean repeat) {
        return new ComplaintStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), null, null, 1, repeat ? 1 : 0, 0);
    }

    @Override
    public ComplaintStats merge(ComplaintStats o) {
        Map<String, Long> reasons = new TreeMap<>(reasonClasses);
        o.reasonClasses.forEach((reason, n) -> reasons.merge(reason, n, (a, b) -> a + b == 0 ? null : a + b));
        return new ComplaintStats(opened + o.opened, firstResponded + o.firstResponded,
                onTimeFirstResponse + o.onTimeFirstResponse, resolved + o.resolved,
                resolvedWithin24h + o.resolvedWithin24h, resolvedWithin8Weeks + o.resolvedWithin8Weeks,
                ended + o.ended, reopened + o.reopened, appealed + o.appealed, classified + o.classified,
                substantiated + o.substantiated, reasons, firstResponseSeconds.merge(o.firstResponseSeconds),
                resolveSeconds.merge(o.resolveSeconds), withCustomer + o.withCustomer,
                repeatComplaints + o.repeatComplaints, answeredContacts + o.answeredContacts);
    }

    /** The contribution withdrawn: merging a value with its negation gives the empty statistics. */
    public ComplaintStats negated() {
        Map<String, Long> reasons = new TreeMap<>();
        reasonClasses.forEach((reason, n) -> reasons.put(reason, -n));
        return new ComplaintStats(-opened, -firstResponded, -onTimeFirstResponse, -resolved, -resolvedWithin24h,
                -resolvedWithin8Weeks, -ended, -reopened, -appealed, -classified, -substantiated, reasons,
                firstResponseSeconds.negated(), resolveSeconds.negated(), -withCustomer, -repeatComplaints,
                -answeredContacts);
    }

    boolean isEmpty() {
        return equals(EMPTY);
    }
}
