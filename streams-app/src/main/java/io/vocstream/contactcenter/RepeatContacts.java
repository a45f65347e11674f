package io.vocstream.contactcenter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Repeat contacts: a contact is a repeat when the same customer's previous contact began at most the repeat window
 * before it. Contacts arrive in any order within the grace period, so a contact arriving late can turn a later one
 * into a repeat; each contact's flag is kept so that it is counted as a repeat once.
 */
public final class RepeatContacts {
    /** Contacts remembered per customer; a customer calling more often than this within the window is rare. */
    static final int MAX_REMEMBERED = 64;

    private RepeatContacts() {
    }

    /** A contact's first entry into a queue: where and when it counts. */
    public record FirstContact(String contactId, String queue, long atMillis, Dimensions dimensions) {
    }

    /** One remembered contact of a customer, and whether it has been counted as a repeat. */
    public record Remembered(FirstContact contact, boolean repeat) {
    }

    /** What a contact adds to the buckets of {@code contact} (its queue, its time). */
    public record Delta(FirstContact contact, RepeatStats stats) {
    }

    public record Step(List<Remembered> history, List<Delta> deltas) {
    }

    /**
     * @param history  the customer's remembered contacts, oldest first
     * @param keepFor  how far behind the customer's newest contact a contact is remembered (window plus grace)
     */
    public static Step apply(List<Remembered> history, FirstContact c, Duration window, Duration keepFor) {
        if (history.stream().anyMatch(r -> r.contact().contactId().equals(c.contactId()))) {
            return new Step(history, List.of());
        }
        long w = window.toMillis();
        boolean repeat = history.stream().anyMatch(r -> r.contact().atMillis() <= c.atMillis()
                && r.contact().atMillis() >= c.atMillis() - w);
        List<Delta> deltas = new ArrayList<>();
        deltas.add(new Delta(c, new RepeatStats(1, repeat ? 1 : 0)));
        List<Remembered> next = new ArrayList<>(history.size() + 1);
        for (Remembered r : history) {
            long at = r.contact().atMillis();
            if (!r.repeat() && at > c.atMillis() && at <= c.atMillis() + w) {
                deltas.add(new Delta(r.contact(), new RepeatStats(0, 1)));
                next.add(new Remembered(r.contact(), true));
            } else {
                next.add(r);
            }
        }
        next.add(new Remembered(c, repeat));
        next.sort(Comparator.comparingLong(r -> r.contact().atMillis()));
        long newest = next.get(next.size() - 1).contact().atMillis();
        next.removeIf(r -> r.contact().atMillis() < newest - keepFor.toMillis());
        return new Step(List.copyOf(next.size() > MAX_REMEMBERED
                ? next.subList(next.size() - MAX_REMEMBERED, next.size()) : next), deltas);
    }
}
