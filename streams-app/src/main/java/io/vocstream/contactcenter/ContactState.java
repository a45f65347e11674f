package io.vocstream.contactcenter;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one partition remembers of a contact between its events: when it entered each queue (to derive waits the
 * ACD did not measure), whether it is waiting now, the steps already counted, and its slicing dimensions.
 *
 * @param offers          queue entries in arrival order, the most recent {@link ContactLifecycle#MAX_OFFERS}
 * @param waiting         the queue entry the contact is waiting in now; {@code null} if not waiting
 * @param lastLeaveMillis event time of the latest step that ended a wait (answer, abandon, transfer, callback,
 *                        completion); {@link Long#MIN_VALUE} before the first
 * @param countedSteps    signatures of the steps already counted, so a step reported twice counts once
 * @param lastEventMillis event time of the latest event, for expiry
 * @param answers         answers in arrival order, the most recent {@link ContactLifecycle#MAX_OFFERS}: when an
 *                        agent picked the contact up in each queue (to time a leg that ends in a transfer)
 */
public record ContactState(List<Offer> offers, Offer waiting, long lastLeaveMillis, Set<String> countedSteps,
                           Dimensions dimensions, long lastEventMillis, List<Answer> answers) {

    /** The contact entered {@code queue} at event time {@code atMillis}. */
    public record Offer(String queue, long atMillis) {
    }

    /** An agent answered the contact in {@code queue} at event time {@code atMillis}. */
    public record Answer(String queue, long atMillis) {
    }

    public ContactState {
        offers = List.copyOf(offers);
        // sorted: the same steps are the same value, in the same order, whatever order they were counted in
        countedSteps = Collections.unmodifiableSortedSet(new TreeSet<>(countedSteps));
        answers = answers == null ? List.of() : List.copyOf(answers); // states kept before answers were
    }

    static ContactState first(Dimensions dimensions) {
        return new ContactState(List.of(), null, Long.MIN_VALUE, Set.of(), dimensions, Long.MIN_VALUE, List.of());
    }
}
