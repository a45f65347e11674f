package io.vocstream.producers.sim;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/**
 * A queue's waiting lines and the agents idle for it. Contacts and agents that leave early (abandon, callback,
 * taken by another queue) are not searched for: their tickets are recognised as stale when they come up.
 */
final class ContactQueue {
    final QueueProfile profile;
    private final Map<WaitingLine, ArrayDeque<WaitTicket>> lines = new EnumMap<>(WaitingLine.class);
    private final int[] waiting = new int[WaitingLine.values().length];
    private final ArrayDeque<IdleTicket> idlePrimary = new ArrayDeque<>();
    private final ArrayDeque<IdleTicket> idleSecondary = new ArrayDeque<>();
    /** Agents on shift whose primary queue this is. */
    int agentsOnShift;

    ContactQueue(QueueProfile profile) {
        this.profile = profile;
        for (WaitingLine line : WaitingLine.values()) {
            lines.put(line, new ArrayDeque<>());
        }
    }

    void enqueue(Contact contact) {
        WaitingLine line = contact.line();
        lines.get(line).addLast(new WaitTicket(contact, contact.visit, line));
        waiting[line.ordinal()]++;
    }

    /** Called when a waiting contact leaves its line other than by being taken (abandon, callback request). */
    void left(WaitingLine line) {
        waiting[line.ordinal()]--;
    }

    int waiting(WaitingLine line) {
        return waiting[line.ordinal()];
    }

    /** The longest-waiting contact of {@code line}, left in it, or null. */
    Contact peek(WaitingLine line) {
        ArrayDeque<WaitTicket> tickets = lines.get(line);
        WaitTicket ticket;
        while ((ticket = tickets.peekFirst()) != null) {
            if (ticket.valid()) {
                return ticket.contact;
            }
            tickets.pollFirst();
        }
        return null;
    }

    /** The longest-waiting contact of {@code line}, removed from it, or null. */
    Contact take(WaitingLine line) {
        Contact contact = peek(line);
        if (contact != null) {
            lines.get(line).pollFirst();
            waiting[line.ordinal()]--;
        }
        return contact;
    }

    void idle(Agent agent) {
        ArrayDeque<IdleTicket> idle = agent.primary == profile ? idlePrimary : idleSecondary;
        idle.addLast(new IdleTicket(agent, agent.availableEpoch));
        if (idle.size() > 2 * agentsOnShift + 64) {
            idle.removeIf(t -> !t.valid()); // agents taken by their other queue leave stale tickets behind
        }
    }

    /** The longest-idle agent of this queue, primary agents first, or null. */
    Agent takeIdle() {
        Agent agent = takeIdle(idlePrimary);
        return agent != null ? agent : takeIdle(idleSecondary);
    }

    private static Agent takeIdle(ArrayDeque<IdleTicket> idle) {
        IdleTicket ticket;
        while ((ticket = idle.pollFirst()) != null) {
            if (ticket.valid()) {
                return ticket.agent;
            }
        }
        return null;
    }

    private record WaitTicket(Contact contact, int visit, WaitingLine line) {
        boolean valid() {
            return contact.visit == visit && contact.line() == line
                    && (contact.status == Contact.Status.WAITING || contact.status == Contact.Status.CALLBACK_WAITING);
        }
    }

    private record IdleTicket(Agent agent, int epoch) {
        boolean valid() {
            return agent.activity == Agent.Activity.AVAILABLE && agent.availableEpoch == epoch;
        }
    }
}
