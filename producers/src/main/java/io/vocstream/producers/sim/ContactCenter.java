package io.vocstream.producers.sim;

import io.vocstream.events.AgentEvent;
import io.vocstream.events.AgentState;
import io.vocstream.events.Channel;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.ContactEventType;
import io.vocstream.producers.sim.Agent.Activity;
import io.vocstream.schemas.EventTopic;
import java.util.HashMap;
import java.util.Map;

/**
 * The ACD: contacts wait in their queue's lines until an agent is free, and abandon when the wait outlasts their
 * patience, so waits grow exactly when agents are short. Agents talk, hold, transfer and wrap up; callers facing a
 * long wait may ask for a callback instead. What each contact leads to (work orders, repeat contacts, complaints,
 * surveys) is handed to the other models.
 */
final class ContactCenter {
    /** Estimated wait above which callers are offered a callback. */
    private static final double CALLBACK_OFFER_SECONDS = 150;
    private static final double CALLBACK_ACCEPTANCE = 0.45;
    private static final int MAX_TRANSFERS = 2;
    /**
     * The order in which a free agent looks for work: live contacts (calls and chats, longest waiting first), then
     * callbacks, then e-mails.
     */
    private static final WaitingLine[][] WORK_ORDER = {
            {WaitingLine.VOICE, WaitingLine.CHAT}, {WaitingLine.CALLBACK}, {WaitingLine.EMAIL}};

    private final SimContext ctx;
    /** By queue name: a name's hash is cached, a profile's would be computed over all its fields. */
    private final Map<String, ContactQueue> queues = new HashMap<>();
    private final ContactArrivals arrivals;
    private final RepairModel repairs;
    private final ComplaintModel complaints;
    private final SurveyModel surveys;

    ContactCenter(SimContext ctx, ContactArrivals arrivals, RepairModel repairs, ComplaintModel complaints,
                  SurveyModel surveys) {
        this.ctx = ctx;
        this.arrivals = arrivals;
        this.repairs = repairs;
        this.complaints = complaints;
        this.surveys = surveys;
        for (QueueProfile profile : ctx.world.queues()) {
            queues.put(profile.name(), new ContactQueue(profile));
        }
    }

    /** A contact enters a queue: from the IVR, as a chat or e-mail, or by transfer. */
    void offer(Contact contact, QueueProfile profile) {
        ContactQueue queue = queues.get(profile.name());
        contact.enter(profile, ctx.now());
        ctx.emit(EventTopic.CONTACT, contact.id, contactEvent(contact, ContactEventType.OFFERED).build());
        Agent agent = queue.takeIdle();
        if (agent != null) { // no one is waiting when an agent is idle
            connect(agent, contact);
            return;
        }
        queue.enqueue(contact);
        if (ContactChannels.live(contact.channel)) {
            int visit = contact.visit;
            ctx.scheduler.after(contact.patienceSeconds, () -> abandon(contact, visit));
            if (contact.channel == Channel.VOICE && !contact.callback
                    && estimatedWaitSeconds(queue) > CALLBACK_OFFER_SECONDS
                    && Draw.chance(ctx.random, CALLBACK_ACCEPTANCE)) {
                ctx.scheduler.after(Draw.uniform(ctx.random, 20, 50), () -> requestCallback(contact, visit));
            }
        }
    }

    /** What the ACD announces: callers ahead times the mean handling time, shared by the agents on shift. */
    private double estimatedWaitSeconds(ContactQueue queue) {
        return queue.waiting(WaitingLine.VOICE) * queue.profile.handling().meanSeconds(Channel.VOICE)
                / Math.max(1, queue.agentsOnShift);
    }

    private void connect(Agent agent, Contact contact) {
        agent.activity = Activity.CONNECTING;
        contact.status = Contact.Status.CONNECTING;
        double seconds = contact.callback ? Draw.uniform(ctx.random, 15, 35) // dialling the customer back
                : switch (contact.channel) {
                    case VOICE -> Draw.uniform(ctx.random, 2, 6);
                    case CHAT -> Draw.uniform(ctx.random, 4, 12);
                    default -> 0;
                };
        ctx.scheduler.after(seconds, () -> answer(agent, contact));
    }

    private void answer(Agent agent, Contact contact) {
        if (contact.callback) {
            contact.callbackDelaySeconds = (ctx.now() - contact.callbackRequestedAt) / 1000.0;
        } else {
            double waited = (ctx.now() - contact.offeredAt) / 1000.0;
            contact.waitedSeconds += waited;
            ctx.emit(EventTopic.CONTACT, contact.id, contactEvent(contact, ContactEventType.ANSWERED)
                    .setAgentId(agent.id).setWaitSeconds(waited).build());
        }
        contact.status = Contact.Status.TALKING;
        agentState(agent, Activity.BUSY, AgentState.BUSY, null, contact.id);
        QueueProfile.HandlingTimes handling = contact.queue.handling();
        double talk = millis(Draw.lognormal(ctx.random,
                handling.talkSeconds() * ContactChannels.talkFactor(contact.channel) * agent.pace, 0.7));
        double hold = contact.channel == Channel.VOICE && Draw.chance(ctx.random, handling.holdShare())
                ? millis(Draw.lognormal(ctx.random, handling.holdSeconds(), 0.8)) : 0;
        QueueProfile transferTo = !contact.callback && contact.transfers < MAX_TRANSFERS
                && Draw.chance(ctx.random, contact.queue.transferShare() / agent.skill)
                ? ctx.world.queue(Draw.oneOf(ctx.random, contact.queue.transferTargets())) : null;
        ctx.scheduler.after(talk + hold, () -> {
            if (transferTo != null) {
                transfer(agent, contact, transferTo);
            } else {
                wrapUp(agent, contact, talk, hold);
            }
        });
    }

    private void transfer(Agent agent, Contact contact, QueueProfile target) {
        ctx.emit(EventTopic.CONTACT, contact.id, contactEvent(contact, ContactEventType.TRANSFERRED)
                .setAgentId(agent.id).setTransferToQueue(target.name()).build());
        contact.transfers++;
        agentState(agent, Activity.WRAP_UP, AgentState.AFTER_CALL_WORK, null, contact.id);
        double wrap = Draw.lognormal(ctx.random, contact.queue.handling().wrapUpSeconds() * 0.4, 0.5);
        ctx.scheduler.after(wrap, () -> release(agent));
        offer(contact, target);
    }

    private void wrapUp(Agent agent, Contact contact, double talk, double hold) {
        agentState(agent, Activity.WRAP_UP, AgentState.AFTER_CALL_WORK, null, contact.id);
        double wrap = millis(Draw.lognormal(ctx.random, contact.queue.handling().wrapUpSeconds() * agent.pace, 0.5));
        ctx.scheduler.after(wrap, () -> {
            complete(agent, contact, talk, hold, wrap);
            release(agent);
        });
    }

    private void complete(Agent agent, Contact contact, double talk, double hold, double wrap) {
        ContactEventType type = contact.callback ? ContactEventType.CALLBACK_COMPLETED : ContactEventType.COMPLETED;
        ctx.emit(EventTopic.CONTACT, contact.id, contactEvent(contact, type).setAgentId(agent.id)
                .setTalkSeconds(talk).setHoldSeconds(hold).setWrapUpSeconds(wrap).build());
        contact.status = Contact.Status.DONE;
        double resolution = contact.queue.resolution() * agent.skill * (contact.reason.repeat() ? 0.9 : 1);
        boolean resolved = Draw.chance(ctx.random, Math.min(0.97, resolution));
        QueueProfile.RepairNeed need = contact.queue.repairNeed();
        if (resolved && contact.reason != ContactReason.OUTAGE && need.kind() != RepairKind.NONE
                && (contact.reason == ContactReason.REPAIR_FOLLOW_UP || Draw.chance(ctx.random, need.share()))) {
            repairs.fromContact(contact, need.kind());
        }
        if (!resolved && Draw.chance(ctx.random, 0.55)) {
            arrivals.contactLater(contact.customer, contact.intent, contact.channel,
                    Draw.lognormal(ctx.random, 18 * 3600, 1.0), ContactReason.REPEAT);
        }
        complaints.afterContact(contact, agent, resolved);
        surveys.afterContact(contact, agent, resolved);
    }

    private void abandon(Contact contact, int visit) {
        if (!contact.waiting(visit)) {
            return;
        }
        queues.get(contact.queue.name()).left(contact.line());
        contact.status = Contact.Status.ABANDONED;
        double waited = (ctx.now() - contact.offeredAt) / 1000.0;
        contact.waitedSeconds += waited;
        ctx.emit(EventTopic.CONTACT, contact.id, contactEvent(contact, ContactEventType.ABANDONED)
                .setWaitSeconds(waited).build());
        boolean shortAbandon = waited < 10;
        if (Draw.chance(ctx.random, shortAbandon ? 0.3 : 0.55)) {
            arrivals.contactLater(contact.customer, contact.intent, contact.channel,
                    Draw.lognormal(ctx.random, 600, 1.0), ContactReason.RETRY);
        }
        complaints.afterAbandon(contact);
        surveys.afterAbandon(contact);
    }

    private void requestCallback(Contact contact, int visit) {
        if (!contact.waiting(visit)) {
            return;
        }
        ContactQueue queue = queues.get(contact.queue.name());
        queue.left(contact.line());
        double waited = (ctx.now() - contact.offeredAt) / 1000.0;
        contact.waitedSeconds += waited;
        ctx.emit(EventTopic.CONTACT, contact.id, contactEvent(contact, ContactEventType.CALLBACK_REQUESTED)
                .setWaitSeconds(waited).build());
        contact.callback = true;
        contact.callbackRequestedAt = ctx.now();
        contact.status = Contact.Status.CALLBACK_WAITING;
        queue.enqueue(contact);
    }

    /**
     * The agent is free: logs out or goes away if asked to, else takes the next contact (live contacts of the
     * primary queue first, then of the second queue, then callbacks, then e-mails) or waits for one.
     */
    void release(Agent agent) {
        if (agent.logoutRequested) {
            agent.logoutRequested = false;
            agentState(agent, Activity.LOGGED_OUT, AgentState.LOGGED_OUT, null, null);
            return;
        }
        if (agent.pendingAwayReason != null) {
            goAway(agent);
            return;
        }
        agentState(agent, Activity.AVAILABLE, AgentState.AVAILABLE, null, null);
        Contact next = nextContact(agent);
        if (next != null) {
            connect(agent, next);
        } else {
            agent.availableEpoch++;
            queues.get(agent.primary.name()).idle(agent);
            if (agent.secondary != null) {
                queues.get(agent.secondary.name()).idle(agent);
            }
        }
    }

    private Contact nextContact(Agent agent) {
        ContactQueue primary = queues.get(agent.primary.name());
        ContactQueue secondary = agent.secondary == null ? null : queues.get(agent.secondary.name());
        for (WaitingLine[] lines : WORK_ORDER) {
            Contact contact = take(primary, lines);
            if (contact == null && secondary != null) {
                contact = take(secondary, lines);
            }
            if (contact != null) {
                return contact;
            }
        }
        return null;
    }

    /** The longest-waiting contact among the heads of {@code lines}, taken from its line. */
    private static Contact take(ContactQueue queue, WaitingLine[] lines) {
        WaitingLine longest = null;
        long offeredAt = Long.MAX_VALUE;
        for (WaitingLine line : lines) {
            Contact head = queue.peek(line);
            if (head != null && head.offeredAt < offeredAt) {
                offeredAt = head.offeredAt;
                longest = line;
            }
        }
        return longest == null ? null : queue.take(longest);
    }

    /** The agent starts a shift and takes work. */
    void logIn(Agent agent, long shiftStart) {
        agent.shift++;
        agent.shiftStart = shiftStart;
        agent.logoutRequested = false;
        agent.pendingAwayReason = null;
        queues.get(agent.primary.name()).agentsOnShift++;
        agentState(agent, Activity.AVAILABLE, AgentState.LOGGED_IN, null, null);
        release(agent);
    }

    /** The agent ends the shift: at once if idle or away, else after the current contact. */
    void logOut(Agent agent) {
        queues.get(agent.primary.name()).agentsOnShift--;
        if (agent.activity == Activity.AVAILABLE || agent.activity == Activity.AWAY) {
            agentState(agent, Activity.LOGGED_OUT, AgentState.LOGGED_OUT, null, null);
        } else {
            agent.logoutRequested = true;
        }
    }

    /** The agent takes a break (or a meeting, training ...): at once if idle, else after the current contact. */
    void sendAway(Agent agent, String reason, double seconds) {
        if (!agent.onShift() || agent.activity == Activity.AWAY) {
            return;
        }
        agent.pendingAwayReason = reason;
        agent.pendingAwaySeconds = seconds;
        if (agent.activity == Activity.AVAILABLE) {
            goAway(agent);
        }
    }

    private void goAway(Agent agent) {
        String reason = agent.pendingAwayReason;
        agent.pendingAwayReason = null;
        agentState(agent, Activity.AWAY, AgentState.AWAY, reason, null);
        int epoch = ++agent.awayEpoch;
        ctx.scheduler.after(agent.pendingAwaySeconds, () -> {
            if (agent.activity == Activity.AWAY && agent.awayEpoch == epoch) {
                release(agent);
            }
        });
    }

    /** Seconds to whole milliseconds, the ACD's resolution (and the clock's). */
    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private void agentState(Agent agent, Activity activity, AgentState state, String awayReason, String contactId) {
        agent.activity = activity;
        ctx.emit(EventTopic.AGENT, agent.id, AgentEvent.newBuilder()
                .setEventId(ctx.eventId())
                .setEventTime(ctx.nowInstant())
                .setAgentId(agent.id)
                .setState(state)
                .setQueues(agent.queueNames)
                .setAwayReason(awayReason)
                .setContactId(contactId)
                .setRegion(agent.site)
                .build());
    }

    private ContactEvent.Builder contactEvent(Contact contact, ContactEventType type) {
        Customer customer = contact.customer;
        return ContactEvent.newBuilder()
                .setEventId(ctx.eventId())
                .setEventTime(ctx.nowInstant())
                .setContactId(contact.id)
                .setType(type)
                .setQueue(contact.queue.name())
                .setChannel(contact.channel)
                .setCustomerId(customer.id())
                .setRegion(customer.region().name())
                .setSegment(customer.segment().label())
                .setTier(customer.tier().label())
                .setIvrSessionId(contact.ivrSessionId);
    }
}
