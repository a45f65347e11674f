package io.vocstream.producers.sim;

import io.vocstream.events.Channel;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.ComplaintReasonClass;
import io.vocstream.events.Severity;
import io.vocstream.schemas.EventTopic;
import java.util.List;
import java.util.Map;

/**
 * Complaints (DOMAIN.md section 4). Bad experiences (long waits, abandons, being passed around, unresolved repeats,
 * late or failed repairs, outages) turn into complaints with a chance that grows with the customer's recent
 * grievances and is higher for business customers and high tiers. Each complaint runs its lifecycle: a first
 * response within (or after) the promised time, escalation of some, appeals to the regulator of fewer, resolution
 * with a classification (substantiated or not, and why), closure, and reopening of some.
 */
final class ComplaintModel {
    private static final double HOUR = 3600;
    private static final double DAY = 86_400;
    /** Complaints about voltage, flicker and the like per million customers per day (urban, rural). */
    private static final double NETWORK_COMPLAINTS_URBAN = 3;
    private static final double NETWORK_COMPLAINTS_RURAL = 8;
    private static final List<Channel> WRITTEN_CHANNELS =
            List.of(Channel.EMAIL, Channel.WEB, Channel.APP, Channel.LETTER, Channel.SOCIAL);
    private static final double[] WRITTEN_CHANNEL_WEIGHTS = {0.35, 0.30, 0.15, 0.08, 0.12};
    private static final List<ComplaintReasonClass> REASONS = List.of(ComplaintReasonClass.SERVICE_BEHAVIOUR,
            ComplaintReasonClass.BUSINESS_PROBLEM, ComplaintReasonClass.CUSTOMER_OWNED_ASSET,
            ComplaintReasonClass.THIRD_PARTY, ComplaintReasonClass.POLICY_MISUNDERSTANDING);
    /** How investigations classify complaints per category, weights in the order of {@link #REASONS}. */
    private static final Map<String, double[]> REASONS_BY_CATEGORY = Map.of(
            "waiting_time", new double[] {0.10, 0.75, 0, 0, 0.15},
            "service_behaviour", new double[] {0.65, 0, 0, 0.10, 0.25},
            "billing", new double[] {0.10, 0.40, 0, 0.05, 0.45},
            "repair", new double[] {0.15, 0.50, 0.25, 0.10, 0},
            "outage", new double[] {0, 0.70, 0.10, 0.20, 0},
            "network_quality", new double[] {0, 0.60, 0.25, 0.15, 0});

    private final SimContext ctx;
    private final SurveyModel surveys;

    ComplaintModel(SimContext ctx, SurveyModel surveys) {
        this.ctx = ctx;
        this.surveys = surveys;
    }

    void start() {
        for (Region region : ctx.world.regions()) {
            double perSecond = region.customers() / 1e6 * ctx.scale / DAY
                    * (region.urban() ? NETWORK_COMPLAINTS_URBAN : NETWORK_COMPLAINTS_RURAL);
            new ArrivalProcess(ctx, t -> perSecond, perSecond, () -> {
                Customer customer = ctx.population.anyIn(region, ctx.random);
                file(customer, Grievance.NETWORK_QUALITY, "network_quality",
                        new ComplaintLinks(null, null, null, customer.assetId(), customer.feederId(), null),
                        writtenChannel());
            }).start();
        }
    }

    /** Grievances raised during an answered contact; about half are complained about there and then. */
    void afterContact(Contact contact, Agent agent, boolean resolved) {
        ComplaintLinks links = ComplaintLinks.contact(contact, null);
        double longWait = ContactChannels.longWaitSeconds(contact.channel);
        if (contact.waitedSeconds > longWait) {
            consider(contact.customer, Grievance.LONG_WAIT, "waiting_time", links,
                    Math.min(3, contact.waitedSeconds / longWait), contact.channel);
        }
        if (contact.transfers >= 2 || (contact.transfers == 1 && contact.waitedSeconds > 180)) {
            consider(contact.customer, Grievance.PASSED_AROUND, "service_behaviour", links, 1, contact.channel);
        }
        if (!resolved && contact.repeatContact) {
            consider(contact.customer, Grievance.UNRESOLVED_AGAIN, contact.intent.complaintCategory(), links, 1,
                    contact.channel);
        }
        if (Draw.chance(ctx.random, contact.intent.disputeShare())) {
            consider(contact.customer, Grievance.DISPUTE, contact.intent.complaintCategory(), links, 1,
                    contact.channel);
        }
        consider(contact.customer, Grievance.AGENT_BEHAVIOUR, "service_behaviour",
                ComplaintLinks.contact(contact, ComplaintReasonClass.SERVICE_BEHAVIOUR), (5 - agent.courtesy) / 1.5,
                contact.channel);
    }

    void afterAbandon(Contact contact) {
        if (contact.waitedSeconds > 120) {
            consider(contact.customer, Grievance.ABANDONED_AFTER_WAIT, "waiting_time",
                    ComplaintLinks.contact(contact, null), Math.min(3, contact.waitedSeconds / 120), null);
        }
    }

    void consider(Customer customer, Grievance grievance, String category, ComplaintLinks links) {
        consider(customer, grievance, category, links, 1, null);
    }

    /**
     * The customer had a bad experience; with a chance of {@code weight} times the grievance's base chance, scaled by
     * the customer's propensity, a complaint follows after a while, or at once on the contact's channel for about
     * half of those raised while talking to an agent ({@code duringContact} not null).
     */
    private void consider(Customer customer, Grievance grievance, String category, ComplaintLinks links,
                          double weight, Channel duringContact) {
        CustomerMemory.History history = ctx.memory.of(customer, ctx.now());
        double chance = grievance.baseChance() * weight * propensity(customer, history.grievances(ctx.now()));
        history.aggrieved(ctx.now());
        if (!Draw.chance(ctx.random, Math.min(0.9, chance))) {
            return;
        }
        if (duringContact != null && Draw.chance(ctx.random, 0.5)) {
            file(customer, grievance, category, links, duringContact);
        } else {
            ctx.scheduler.after(Draw.exponential(ctx.random, grievance.meanDelayHours() * HOUR),
                    () -> file(customer, grievance, category, links, writtenChannel()));
        }
    }

    private static double propensity(Customer customer, double recentGrievances) {
        double segment = switch (customer.segment()) {
            case RESIDENTIAL -> 1.0;
            case COMMERCIAL -> 1.3;
            case INDUSTRIAL -> 1.6;
        };
        double tier = switch (customer.tier()) {
            case STANDARD -> 1.0;
            case SILVER -> 1.1;
            case GOLD -> 1.25;
            case VIP -> 1.5;
        };
        return segment * tier * (customer.region().urban() ? 1.1 : 1.0) * (1 + 0.5 * recentGrievances);
    }

    private Channel writtenChannel() {
        return Draw.weighted(ctx.random, WRITTEN_CHANNELS, WRITTEN_CHANNEL_WEIGHTS);
    }

    /** Opens a complaint now and schedules its first response. */
    void file(Customer customer, Grievance grievance, String category, ComplaintLinks links, Channel channel) {
        CustomerMemory.History history = ctx.memory.of(customer, ctx.now());
        int earlier = history.complained();
        Severity severity = grievance.severity();
        if (earlier > 0) {
            severity = raise(severity);
        }
        if (customer.segment() == Segment.INDUSTRIAL || customer.tier() == Tier.VIP) {
            severity = raise(severity);
        }
        Complaint complaint = new Complaint(ctx.ids.entityId("cmp"), customer, category, severity, channel, links,
                earlier > 0, ctx.now());
        emit(complaint, ComplaintEventType.OPENED);
        double target = responseTargetHours(severity);
        double responseHours = Draw.lognormal(ctx.random, 0.6 * target, 0.9);
        complaint.firstResponseLate = responseHours > target;
        ctx.scheduler.after(responseHours * HOUR, () -> firstResponse(complaint));
    }

    private void firstResponse(Complaint complaint) {
        emit(complaint, ComplaintEventType.FIRST_RESPONSE);
        double escalation = 0.06 + switch (complaint.severity) {
            case CRITICAL -> 0.15;
            case HIGH -> 0.08;
            default -> 0;
        } + (complaint.repeatComplainant ? 0.12 : 0) + (complaint.firstResponseLate ? 0.12 : 0);
        if (Draw.chance(ctx.random, escalation)) {
            ctx.scheduler.after(Draw.lognormal(ctx.random, DAY, 1.0), () -> escalate(complaint));
        } else {
            scheduleResolution(complaint);
        }
    }

    private void escalate(Complaint complaint) {
        complaint.escalated = true;
        emit(complaint, ComplaintEventType.ESCALATED);
        double appeal = 0.015 + 0.06 + (complaint.firstResponseLate ? 0.04 : 0);
        if (Draw.chance(ctx.random, appeal)) {
            ctx.scheduler.after(Draw.lognormal(ctx.random, 4 * DAY, 0.8), () -> {
                complaint.appealed = true;
                emit(complaint, ComplaintEventType.APPEALED);
                scheduleResolution(complaint);
            });
        } else {
            scheduleResolution(complaint);
        }
    }

    private void scheduleResolution(Complaint complaint) {
        double days = switch (complaint.severity) {
            case CRITICAL -> 1;
            case HIGH -> 2;
            case MEDIUM -> 4;
            case LOW -> 6;
        };
        ctx.scheduler.after(Draw.lognormal(ctx.random, days * DAY, 0.8), () -> resolve(complaint));
    }

    private void resolve(Complaint complaint) {
        if (complaint.reasonClass == null) {
            ComplaintReasonClass likely = complaint.links.likelyReason();
            complaint.reasonClass = likely != null && Draw.chance(ctx.random, 0.8) ? likely
                    : Draw.weighted(ctx.random, REASONS, REASONS_BY_CATEGORY.get(complaint.category));
            complaint.substantiated = complaint.reasonClass == ComplaintReasonClass.SERVICE_BEHAVIOUR
                    || complaint.reasonClass == ComplaintReasonClass.BUSINESS_PROBLEM;
        }
        complaint.resolvedAt = ctx.now();
        emit(complaint, ComplaintEventType.RESOLVED);
        ctx.scheduler.after(Draw.lognormal(ctx.random, 3 * DAY, 0.7), () -> close(complaint));
    }

    private void close(Complaint complaint) {
        emit(complaint, ComplaintEventType.CLOSED);
        double reopen = complaint.reopened ? 0
                : 0.05 + (complaint.substantiated ? 0 : 0.06) + (complaint.appealed ? 0.05 : 0);
        if (Draw.chance(ctx.random, reopen)) {
            ctx.scheduler.after(Draw.lognormal(ctx.random, 5 * DAY, 0.8), () -> {
                complaint.reopened = true;
                emit(complaint, ComplaintEventType.REOPENED);
                ctx.scheduler.after(Draw.lognormal(ctx.random, 2 * DAY, 0.8), () -> resolve(complaint));
            });
        } else {
            surveys.afterComplaint(complaint);
        }
    }

    private static double responseTargetHours(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 2;
            case HIGH -> 8;
            case MEDIUM -> 24;
            case LOW -> 48;
        };
    }

    private static Severity raise(Severity severity) {
        return Severity.values()[Math.min(Severity.values().length - 1, severity.ordinal() + 1)];
    }

    private void emit(Complaint complaint, ComplaintEventType type) {
        Customer customer = complaint.customer;
        ComplaintLinks links = complaint.links;
        ctx.emit(EventTopic.COMPLAINT, complaint.id, ComplaintEvent.newBuilder()
                .setEventId(ctx.eventId())
                .setEventTime(ctx.nowInstant())
                .setComplaintId(complaint.id)
                .setType(type)
                .setCategory(complaint.category)
                .setSeverity(complaint.severity)
                .setSubstantiated(complaint.reasonClass == null ? null : complaint.substantiated)
                .setReasonClass(complaint.reasonClass)
                .setChannel(complaint.channel)
                .setCustomerId(customer.id())
                .setRegion(customer.region().name())
                .setSegment(customer.segment().label())
                .setTier(customer.tier().label())
                .setQueue(links.queue())
                .setLinkedContactId(links.contactId())
                .setLinkedWorkOrderId(links.workOrderId())
                .setAssetId(links.assetId())
                .setFeederId(links.feederId())
                .build());
    }
}
