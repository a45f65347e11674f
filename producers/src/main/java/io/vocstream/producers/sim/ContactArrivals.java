package io.vocstream.producers.sim;

import io.vocstream.events.Channel;

/**
 * Customer demand: for every queue, region and channel a Poisson process following the local time-of-day and
 * weekday curve, scaled by the volume scale (and, for outage-related contacts, by an outage scenario in the region).
 * Voice calls start in the IVR; chats and e-mails go straight to the queue. Follow-up contacts (repeats, retries)
 * come back through the same entry points.
 */
final class ContactArrivals {
    private static final double SECONDS_PER_DAY = 86_400;
    /** Calls that end in the IVR without self-service (hang-ups, give-ups) besides the self-service share. */
    private static final double IVR_LOSS = 0.06;
    /** Repeats, retries and transfers on top of first contacts, as seen by a queue. */
    private static final double FOLLOW_UP_LOAD = 0.12;

    private final SimContext ctx;
    private Ivr ivr;
    private ContactCenter center;

    ContactArrivals(SimContext ctx) {
        this.ctx = ctx;
    }

    /** Connects the entry points; the IVR and the contact center also send follow-up contacts here. */
    void routeTo(Ivr ivr, ContactCenter center) {
        this.ivr = ivr;
        this.center = center;
    }

    void start() {
        for (QueueProfile queue : ctx.world.queues()) {
            for (Region region : ctx.world.regions()) {
                for (Channel channel : ContactChannels.ALL) {
                    double base = baseRate(queue, region, channel) * ctx.scale;
                    if (base <= 0) {
                        continue;
                    }
                    DemandCurve curve = ContactChannels.curve(channel);
                    boolean outageRelated = queue.repairNeed().kind() == RepairKind.NO_SUPPLY;
                    double max = base * curve.max() * (outageRelated ? ctx.scenarios.maxOutageFactor(region) : 1);
                    new ArrivalProcess(ctx, t -> base * curve.factor(ctx.calendar, t)
                            * (outageRelated ? ctx.scenarios.outageFactor(region, t) : 1), max,
                            () -> contactNow(ctx.population.anyIn(region, ctx.random), queue, channel,
                                    ContactReason.NEW)).start();
                }
            }
        }
    }

    /** First contacts per second at volume scale 1 and demand factor 1. */
    private double baseRate(QueueProfile queue, Region region, Channel channel) {
        return World.CONTACTS_PER_DAY / SECONDS_PER_DAY * queue.demandShare() * queue.channels().share(channel)
                * region.customers() / ctx.world.customers();
    }

    /** Contacts per second the queue can expect at {@code time} on {@code channel}, as a forecast would see it. */
    double expectedOffered(QueueProfile queue, Channel channel, long time) {
        double rate = 0;
        for (Region region : ctx.world.regions()) {
            rate += baseRate(queue, region, channel);
        }
        double reachingAgents = channel == Channel.VOICE ? 1 - queue.menu().selfServiceShare() - IVR_LOSS : 1;
        return rate * ctx.scale * ContactChannels.curve(channel).factor(ctx.calendar, time) * reachingAgents
                * (1 + FOLLOW_UP_LOAD);
    }

    /** The customer gets in touch now: voice through the IVR, chat and e-mail straight into the queue. */
    void contactNow(Customer customer, QueueProfile intent, Channel channel, ContactReason reason) {
        if (channel == Channel.VOICE) {
            ivr.call(customer, intent, reason);
        } else {
            center.offer(newContact(customer, intent, channel, reason, null, 0), intent);
        }
    }

    void contactLater(Customer customer, QueueProfile intent, Channel channel, double delaySeconds,
                      ContactReason reason) {
        ctx.scheduler.after(delaySeconds, () -> contactNow(customer, intent, channel, reason));
    }

    /** A new contact; its caller's patience depends on channel, segment, tier and on having tried before. */
    Contact newContact(Customer customer, QueueProfile intent, Channel channel, ContactReason reason,
                       String ivrSessionId, int ivrFailures) {
        boolean repeat = ctx.memory.of(customer, ctx.now()).contacted(ctx.now());
        double patience;
        if (!ContactChannels.live(channel)) {
            patience = Double.POSITIVE_INFINITY;
        } else if (Draw.chance(ctx.random, 0.06)) {
            patience = Draw.uniform(ctx.random, 1, 8); // short abandons: misdials, second thoughts
        } else {
            // Utility customers have nowhere else to go: most hold on for minutes, longer without power.
            double mean = (channel == Channel.VOICE ? 480 : 600)
                    * switch (customer.tier()) {
                        case VIP -> 0.7;
                        case GOLD -> 0.85;
                        default -> 1.0;
                    }
                    * (customer.segment().business() ? 0.85 : 1.0)
                    * (reason == ContactReason.OUTAGE ? 1.3 : reason.repeat() ? 0.8 : 1.0);
            patience = Draw.lognormal(ctx.random, mean, 0.9);
        }
        return new Contact(ctx.ids.entityId("ct"), customer, channel, intent, reason, ivrSessionId, ivrFailures,
                patience, repeat);
    }
}
