package io.vocstream.satisfaction;

import io.vocstream.buckets.SliceKeys;
import io.vocstream.events.ContactEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What one contact's events say about the wait its customer experienced, kept in a form that gives the same answer
 * whatever order the events arrive in: the times the contact was offered to a queue and the steps that ended a
 * wait (answered, abandoned, transferred, callback requested) with the wait the ACD measured, if it did.
 *
 * @param offeredAt  times of the OFFERED steps (epoch ms)
 * @param waitEnds   the wait-ending steps
 * @param responses  the responses about this contact, counted in the band of its wait
 * @param lastSeenAt newest event or response time of the contact, for expiry
 */
public record ContactWait(List<Long> offeredAt, List<WaitEnd> waitEnds, List<LinkedResponse> responses,
                          long lastSeenAt) implements LinkedFact<ContactWait> {
    public static final ContactWait NONE = new ContactWait(List.of(), List.of(), List.of(), Long.MIN_VALUE);

    /** A step that ended a wait; {@code measuredSeconds} null when the ACD did not report it. */
    public record WaitEnd(long at, Double measuredSeconds) {
    }

    public ContactWait {
        offeredAt = List.copyOf(offeredAt);
        waitEnds = List.copyOf(waitEnds);
        responses = List.copyOf(responses);
    }

    public ContactWait with(ContactEvent event) {
        long t = event.getEventTime().toEpochMilli();
        List<Long> offered = new ArrayList<>(offeredAt);
        List<WaitEnd> ends = new ArrayList<>(waitEnds);
        switch (event.getType()) {
            case OFFERED -> offered.add(t);
            case ANSWERED, ABANDONED, TRANSFERRED, CALLBACK_REQUESTED ->
                    ends.add(new WaitEnd(t, event.getWaitSeconds()));
            default -> {
                // completion and callback steps end no wait
            }
        }
        return new ContactWait(offered, ends, responses, Math.max(lastSeenAt, t));
    }

    /** The same facts with these responses linked. */
    @Override
    public ContactWait withResponses(List<LinkedResponse> linked) {
        long newest = linked.stream().mapToLong(LinkedResponse::at).reduce(lastSeenAt, Math::max);
        return new ContactWait(offeredAt, waitEnds, linked, newest);
    }

    /** The label of the band of {@link #waitedSeconds()}, or {@code unknown}. */
    public String waitBand() {
        Double seconds = waitedSeconds();
        return seconds == null ? SliceKeys.UNKNOWN : WaitBand.of(seconds).label();
    }

    /**
     * Seconds waited in all the contact's queues: the sum over wait-ending steps of the measured wait or, when
     * none was measured, the time since the latest OFFERED step before it; null when no step ended a wait yet or a
     * wait cannot be derived.
     */
    public Double waitedSeconds() {
        if (waitEnds.isEmpty()) {
            return null;
        }
        double total = 0;
        for (WaitEnd end : waitEnds) {
            if (end.measuredSeconds() != null) {
                total += end.measuredSeconds();
            } else {
                Long offered = offeredAt.stream().filter(o -> o <= end.at()).max(Long::compare).orElse(null);
                if (offered == null) {
                    return null;
                }
                total += (end.at() - offered) / 1000.0;
            }
        }
        return total;
    }
}
