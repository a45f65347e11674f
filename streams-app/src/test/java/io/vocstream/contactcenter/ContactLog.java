package io.vocstream.contactcenter;

import io.vocstream.events.ContactEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Runs contact events through {@link ContactLifecycle} and sums the "all" slice of each queue per 15 minutes. */
final class ContactLog {
    private static final long QUARTER_MILLIS = 15 * 60_000L;

    final Map<String, ContactState> contacts = new HashMap<>();
    private final Map<String, QueueStats> byQueueAndQuarter = new HashMap<>();
    final Map<String, AgentStats> byAgent = new HashMap<>();

    ContactLog feed(ContactEvent... events) {
        for (ContactEvent e : events) {
            ContactLifecycle.Step step = ContactLifecycle.apply(contacts.get(e.getContactId()), e);
            contacts.put(e.getContactId(), step.next());
            step.queueDeltas().forEach(d -> byQueueAndQuarter.merge(key(d.queue(), d.atMillis()), d.stats(),
                    QueueStats::merge));
            step.agentDeltas().forEach(d -> byAgent.merge(d.agentId(), d.stats(), AgentStats::merge));
        }
        return this;
    }

    QueueStats quarter(String queue, Instant start) {
        return byQueueAndQuarter.getOrDefault(key(queue, start.toEpochMilli()), QueueStats.EMPTY);
    }

    private static String key(String queue, long atMillis) {
        return queue + "@" + (atMillis - Math.floorMod(atMillis, QUARTER_MILLIS));
    }
}
