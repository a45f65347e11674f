package io.vocstream.producers.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What recently happened to customers who were in touch: the basis of repeat contacts, repeat complainants and of
 * the grudges that lower their scores. Customers quiet for {@link #FORGET_AFTER_MILLIS} are forgotten (in
 * least-recently-seen order, so memory stays bounded on endless runs and eviction is deterministic).
 */
final class CustomerMemory {
    static final long REPEAT_WINDOW_MILLIS = 7 * LocalCalendar.DAY_MILLIS;
    private static final long FORGET_AFTER_MILLIS = 30 * LocalCalendar.DAY_MILLIS;
    private static final double GRIEVANCE_HALF_LIFE_MILLIS = 7 * LocalCalendar.DAY_MILLIS;

    private long now;
    private final LinkedHashMap<Integer, History> histories = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, History> eldest) {
            return eldest.getValue().lastSeen < now - FORGET_AFTER_MILLIS;
        }
    };

    /** The customer's history, created if the customer is new or forgotten. */
    History of(Customer customer, long now) {
        this.now = now;
        History history = histories.computeIfAbsent(customer.index(), k -> new History());
        history.lastSeen = now;
        return history;
    }

    /** One customer's recent dealings with the company. */
    static final class History {
        private long lastSeen;
        private long lastContactAt = Long.MIN_VALUE;
        private double grievances;
        private long grievancesAt;
        private int complaints;
        private long lastRepairCompletedAt = Long.MIN_VALUE / 2;

        /** Records a contact; true if it repeats one within {@link #REPEAT_WINDOW_MILLIS}. */
        boolean contacted(long now) {
            boolean repeat = lastContactAt != Long.MIN_VALUE && now - lastContactAt <= REPEAT_WINDOW_MILLIS;
            lastContactAt = now;
            return repeat;
        }

        /** Records a bad experience; grievances fade with a one-week half-life. */
        void aggrieved(long now) {
            grievances = grievances(now) + 1;
            grievancesAt = now;
        }

        /** Recent bad experiences, faded by age. */
        double grievances(long now) {
            return grievances == 0 ? 0 : grievances * Math.pow(0.5, (now - grievancesAt) / GRIEVANCE_HALF_LIFE_MILLIS);
        }

        /** Records a complaint; returns how many the customer made before (while remembered). */
        int complained() {
            return complaints++;
        }

        void repairCompleted(long now) {
            lastRepairCompletedAt = now;
        }

        /** When the customer's last repair was completed (far in the past if never). */
        long lastRepairCompletedAt() {
            return lastRepairCompletedAt;
        }
    }
}
