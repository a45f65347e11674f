package io.vocstream.producers.sim;

import io.vocstream.events.Channel;
import io.vocstream.events.ComplaintReasonClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeder outages. Each region has outages now and then (more per customer where it is rural); an outage cuts part
 * of a feeder, gets an outage work order, and while the supply is off the affected customers call (most hear the
 * IVR status message) and some complain, more so when the outage drags on or the feeder failed recently. An outage
 * scenario cuts several whole feeders of a region at once and multiplies the region's outage-related arrivals.
 */
final class OutageModel {
    private static final double SECONDS_PER_HOUR = 3600;
    /** Share of affected customers who get in touch per hour of outage (at volume scale 1). */
    private static final double CALLS_PER_AFFECTED_HOUR = 0.05;
    /** Share of affected customers who complain per hour of outage (at volume scale 1). */
    private static final double COMPLAINTS_PER_AFFECTED_HOUR = 0.003;
    private static final long LONG_OUTAGE_MILLIS = 3 * 3_600_000L;
    private static final long REPEAT_WINDOW_MILLIS = 30 * LocalCalendar.DAY_MILLIS;
    private static final int MAJOR_INCIDENT_FEEDERS = 4;
    private static final int REMEMBERED_CALLERS = 40;
    private static final List<Channel> COMPLAINT_CHANNELS =
            List.of(Channel.VOICE, Channel.WEB, Channel.APP, Channel.SOCIAL, Channel.EMAIL);
    private static final double[] COMPLAINT_CHANNEL_WEIGHTS = {0.30, 0.25, 0.20, 0.20, 0.05};

    private final SimContext ctx;
    private final ContactArrivals arrivals;
    private final RepairModel repairs;
    private final ComplaintModel complaints;
    private final SurveyModel surveys;
    private final QueueProfile outageQueue;
    /** Outages in progress by global feeder number (customer number / feeder size); looked up, never iterated. */
    private final Map<Integer, Incident> active = new HashMap<>();
    /** When each feeder last lost supply. */
    private final Map<Integer, Long> lastOutageStart = new HashMap<>();

    OutageModel(SimContext ctx, ContactArrivals arrivals, RepairModel repairs, ComplaintModel complaints,
                SurveyModel surveys) {
        this.ctx = ctx;
        this.arrivals = arrivals;
        this.repairs = repairs;
        this.complaints = complaints;
        this.surveys = surveys;
        this.outageQueue = ctx.world.queues().stream()
                .filter(q -> q.repairNeed().kind() == RepairKind.NO_SUPPLY).findFirst().orElseThrow();
    }

    void start() {
        for (Region region : ctx.world.regions()) {
            double perSecond = region.outagesPerDay() / 86_400;
            new ArrivalProcess(ctx, t -> perSecond * ctx.scenarios.outageFactor(region, t),
                    perSecond * ctx.scenarios.maxOutageFactor(region), () -> randomOutage(region)).start();
        }
        for (Scenario scenario : ctx.scenarios.all()) {
            if (scenario instanceof Scenario.Outage outage) {
                ctx.scheduler.at(ctx.scenarios.startOf(scenario),
                        () -> majorIncident(ctx.world.region(outage.region()), ctx.scenarios.endOf(scenario)));
            }
        }
    }

    /** Whether the customer's supply is off in an outage the company knows of (the IVR announces it). */
    boolean knownOutage(Customer customer) {
        Incident incident = active.get(customer.index() / Region.FEEDER_SIZE);
        return incident != null && incident.affects(customer.index());
    }

    private void randomOutage(Region region) {
        int feeder = ctx.random.nextInt(region.feeders());
        int feederFirst = region.firstCustomer() + feeder * Region.FEEDER_SIZE;
        int feederSize = Math.min(Region.FEEDER_SIZE, region.firstCustomer() + region.customers() - feederFirst);
        int affected = (int) Math.max(5, Math.min(feederSize, Draw.lognormal(ctx.random, 450, 1.2)));
        int first = feederFirst + ctx.random.nextInt(feederSize - affected + 1);
        begin(region, feeder, first, affected, 0);
    }

    /** Several whole feeders of the region at once, restored by emergency crews when the scenario ends. */
    private void majorIncident(Region region, long restoreAt) {
        int firstFeeder = ctx.random.nextInt(Math.max(1, region.feeders() - MAJOR_INCIDENT_FEEDERS));
        for (int feeder = firstFeeder; feeder < Math.min(region.feeders(), firstFeeder + MAJOR_INCIDENT_FEEDERS);
             feeder++) {
            int first = region.firstCustomer() + feeder * Region.FEEDER_SIZE;
            int size = Math.min(Region.FEEDER_SIZE, region.firstCustomer() + region.customers() - first);
            begin(region, feeder, first, size, restoreAt);
        }
    }

    private void begin(Region region, int feeder, int firstCustomer, int affected, long restoreAt) {
        int feederKey = firstCustomer / Region.FEEDER_SIZE;
        if (active.containsKey(feederKey)) {
            return; // the feeder is already out
        }
        Long previous = lastOutageStart.put(feederKey, ctx.now());
        boolean repeated = previous != null && ctx.now() - previous < REPEAT_WINDOW_MILLIS;
        Incident incident = new Incident(feederKey, firstCustomer, affected, ctx.now(), repeated);
        active.put(feederKey, incident);
        incident.order = repairs.forOutage(region, feeder, affected, restoreAt, () -> restored(incident));
        double callers = affected * CALLS_PER_AFFECTED_HOUR / SECONDS_PER_HOUR * ctx.scale;
        double maxFactor = ctx.scenarios.maxOutageFactor(region);
        incident.callers = new ArrivalProcess(ctx, t -> callers * ctx.scenarios.outageFactor(region, t),
                callers * maxFactor, () -> call(incident)).start();
        double complainers = affected * COMPLAINTS_PER_AFFECTED_HOUR / SECONDS_PER_HOUR * ctx.scale
                * (repeated ? 2 : 1);
        incident.complainers = new ArrivalProcess(ctx, t -> complainers * ctx.scenarios.outageFactor(region, t)
                * (t - incident.startedAt > LONG_OUTAGE_MILLIS ? 2 : 1), complainers * maxFactor * 2,
                () -> complain(incident)).start();
    }

    private void call(Incident incident) {
        Customer customer = incident.anyAffected(ctx);
        if (incident.callersSeen.size() < REMEMBERED_CALLERS) {
            incident.callersSeen.add(customer);
        }
        Channel channel = Draw.chance(ctx.random, 0.85) ? Channel.VOICE : Channel.CHAT;
        arrivals.contactNow(customer, outageQueue, channel, ContactReason.OUTAGE);
    }

    private void complain(Incident incident) {
        complaints.file(incident.anyAffected(ctx), Grievance.OUTAGE, "outage", links(incident, null),
                Draw.weighted(ctx.random, COMPLAINT_CHANNELS, COMPLAINT_CHANNEL_WEIGHTS));
    }

    private void restored(Incident incident) {
        incident.callers.stop();
        incident.complainers.stop();
        active.remove(incident.feederKey);
        double hours = (ctx.now() - incident.startedAt) / 3_600_000.0;
        boolean longOutage = ctx.now() - incident.startedAt > LONG_OUTAGE_MILLIS;
        for (Customer customer : incident.callersSeen) {
            surveys.afterOutage(customer, incident.order, hours, incident.repeated);
            if (longOutage || incident.repeated) {
                complaints.consider(customer, Grievance.LONG_OUTAGE, "outage",
                        links(incident, Draw.chance(ctx.random, 0.2) ? ComplaintReasonClass.THIRD_PARTY : null));
            }
        }
    }

    private static ComplaintLinks links(Incident incident, ComplaintReasonClass likelyReason) {
        return new ComplaintLinks(null, null, incident.order.id, incident.order.assetId, incident.order.feederId,
                likelyReason);
    }

    /** One feeder outage: the customers cut off, its order and the arrivals it causes while it lasts. */
    private static final class Incident {
        final int feederKey;
        final int firstCustomer;
        final int affected;
        final long startedAt;
        final boolean repeated;
        final List<Customer> callersSeen = new ArrayList<>();
        WorkOrder order;
        ArrivalProcess callers;
        ArrivalProcess complainers;

        Incident(int feederKey, int firstCustomer, int affected, long startedAt, boolean repeated) {
            this.feederKey = feederKey;
            this.firstCustomer = firstCustomer;
            this.affected = affected;
            this.startedAt = startedAt;
            this.repeated = repeated;
        }

        boolean affects(int customer) {
            return customer >= firstCustomer && customer < firstCustomer + affected;
        }

        Customer anyAffected(SimContext ctx) {
            return ctx.population.customer(firstCustomer + ctx.random.nextInt(affected));
        }
    }
}
