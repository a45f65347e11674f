package io.vocstream.producers.sim;

import io.vocstream.events.Channel;
import io.vocstream.events.IvrEvent;
import io.vocstream.events.IvrEventType;
import io.vocstream.schemas.EventTopic;

/**
 * The voice menu in front of the queues: {@code main}, then the branch of the caller's subject, where some callers
 * finish in self-service (paying a bill, hearing the outage status) and the rest opt out to an agent. Callers fail to
 * answer or are not understood, give up after three failures, or simply hang up.
 */
final class Ivr {
    private static final String MAIN = "main";
    private static final int MAX_FAILURES = 3;
    /** Callers with a known outage on their feeder hear the status message; most need nothing more. */
    private static final double OUTAGE_STATUS_CONTAINMENT = 0.55;

    private final SimContext ctx;
    private final ContactArrivals arrivals;
    private final ContactCenter center;
    private final OutageModel outages;
    private final SurveyModel surveys;

    Ivr(SimContext ctx, ContactArrivals arrivals, ContactCenter center, OutageModel outages, SurveyModel surveys) {
        this.ctx = ctx;
        this.arrivals = arrivals;
        this.center = center;
        this.outages = outages;
        this.surveys = surveys;
    }

    void call(Customer customer, QueueProfile intent, ContactReason reason) {
        Session session = new Session(ctx.ids.entityId("ivr"), customer, intent, reason,
                !Draw.chance(ctx.random, 0.08));
        emit(session, IvrEventType.SESSION_STARTED, null);
        ctx.scheduler.after(Draw.uniform(ctx.random, 4, 9), () -> enter(session, MAIN));
    }

    private void enter(Session session, String node) {
        emit(session, IvrEventType.MENU_ENTERED, node);
        ctx.scheduler.after(Draw.uniform(ctx.random, 4, 10), () -> choose(session, node));
    }

    /** The caller answers the prompt at {@code node}: hangs up, fails to answer, or picks the next step. */
    private void choose(Session session, String node) {
        boolean atMain = node.equals(MAIN);
        double draw = ctx.random.nextDouble();
        if (draw < (atMain ? 0.02 : 0.03)) {
            hangUp(session, node);
        } else if (draw < (atMain ? 0.07 : 0.06)) {
            fail(session, node, IvrEventType.NO_INPUT);
        } else if (draw < (atMain ? 0.13 : 0.10)) {
            fail(session, node, IvrEventType.NO_MATCH);
        } else if (atMain && draw < 0.20) {
            toAgent(session, node); // pressed 0
        } else if (atMain) {
            ctx.scheduler.after(Draw.uniform(ctx.random, 2, 5),
                    () -> enter(session, MAIN + "/" + session.intent.menu().node()));
        } else if (Draw.chance(ctx.random, selfServiceShare(session))) {
            selfService(session, node + "/" + session.intent.menu().selfServiceLeaf());
        } else {
            toAgent(session, node);
        }
    }

    private double selfServiceShare(Session session) {
        QueueProfile.IvrBranch menu = session.intent.menu();
        if (menu.selfServiceLeaf() == null) {
            return 0;
        }
        if (session.intent.repairNeed().kind() == RepairKind.NO_SUPPLY && outages.knownOutage(session.customer)) {
            return OUTAGE_STATUS_CONTAINMENT;
        }
        return menu.selfServiceShare() * (session.reason.repeat() ? 0.5 : 1);
    }

    private void fail(Session session, String node, IvrEventType type) {
        emit(session, type, node);
        session.failures++;
        if (session.failures < MAX_FAILURES) {
            ctx.scheduler.after(Draw.uniform(ctx.random, 4, 8), () -> choose(session, node));
        } else if (Draw.chance(ctx.random, 0.5)) {
            hangUp(session, node);
        } else {
            toAgent(session, node);
        }
    }

    private void selfService(Session session, String leaf) {
        ctx.scheduler.after(Draw.uniform(ctx.random, 2, 5), () -> {
            emit(session, IvrEventType.MENU_ENTERED, leaf);
            ctx.scheduler.after(Draw.lognormal(ctx.random, 60, 0.6), () -> {
                if (Draw.chance(ctx.random, 0.12)) {
                    toAgent(session, leaf); // self-service could not finish the job
                } else {
                    emit(session, IvrEventType.SELF_SERVICE_COMPLETED, leaf);
                    surveys.afterSelfService(session.id, session.customer, session.failures);
                }
            });
        });
    }

    private void hangUp(Session session, String node) {
        emit(session, IvrEventType.HUNG_UP, node);
        if (Draw.chance(ctx.random, 0.3)) {
            arrivals.contactLater(session.customer, session.intent, Channel.VOICE,
                    Draw.lognormal(ctx.random, 900, 1.0), ContactReason.RETRY);
        }
    }

    private void toAgent(Session session, String node) {
        Contact contact = arrivals.newContact(session.customer, session.intent, Channel.VOICE, session.reason,
                session.id, session.failures);
        ctx.emit(EventTopic.IVR, session.id, event(session, IvrEventType.TRANSFERRED_TO_AGENT, node)
                .setContactId(contact.id).setTargetQueue(session.intent.name()).build());
        center.offer(contact, session.intent);
    }

    private void emit(Session session, IvrEventType type, String node) {
        ctx.emit(EventTopic.IVR, session.id, event(session, type, node).build());
    }

    private IvrEvent.Builder event(Session session, IvrEventType type, String node) {
        IvrEvent.Builder event = IvrEvent.newBuilder()
                .setEventId(ctx.eventId())
                .setEventTime(ctx.nowInstant())
                .setSessionId(session.id)
                .setType(type)
                .setIvrLine(session.customer.segment().business() ? "business-line" : "customer-line")
                .setMenuNode(node)
                .setChannel(Channel.VOICE);
        if (session.identified) {
            Customer customer = session.customer;
            event.setCustomerId(customer.id())
                    .setRegion(customer.region().name())
                    .setSegment(customer.segment().label())
                    .setTier(customer.tier().label());
        }
        return event;
    }

    /** One call in the IVR. Unidentified callers (withheld or unknown numbers) carry no customer dimensions. */
    private static final class Session {
        final String id;
        final Customer customer;
        final QueueProfile intent;
        final ContactReason reason;
        final boolean identified;
        int failures;

        Session(String id, Customer customer, QueueProfile intent, ContactReason reason, boolean identified) {
            this.id = id;
            this.customer = customer;
            this.intent = intent;
            this.reason = reason;
            this.identified = identified;
        }
    }
}
