package io.vocstream.producers.sim;

import io.vocstream.events.Channel;
import io.vocstream.events.SurveyResponse;
import io.vocstream.events.Touchpoint;
import io.vocstream.schemas.EventTopic;
import java.util.List;

/**
 * Surveys a sample of contacts, self-service calls, repairs, complaints and outages. The answer comes some hours
 * later, linked to what it judges by contactId, workOrderId or complaintId, with the respondent's account and role
 * for business customers; its scores come from {@link SatisfactionScoring}. Each survey asks CSAT, and some ask
 * NPS, CES and the expected/perceived indicators.
 */
final class SurveyModel {
    private static final double CONTACT_SAMPLE = 0.12;
    private static final double ABANDON_SAMPLE = 0.04;
    private static final double SELF_SERVICE_SAMPLE = 0.03;
    private static final double REPAIR_SAMPLE = 0.20;
    private static final double COMPLAINT_SAMPLE = 0.30;
    private static final double OUTAGE_SAMPLE = 0.15;

    private final SimContext ctx;

    SurveyModel(SimContext ctx) {
        this.ctx = ctx;
    }

    void afterContact(Contact contact, Agent agent, boolean resolved) {
        if (Draw.chance(ctx.random, CONTACT_SAMPLE)) {
            Experience experience = new Experience.ContactVisit(contact.channel, contact.waitedSeconds, false,
                    contact.callback, contact.callbackDelaySeconds, contact.transfers, resolved, agent.courtesy,
                    contact.ivrFailures, contact.repeatContact);
            respond(new Survey(contact.callback ? Touchpoint.CALLBACK : Touchpoint.AGENT, contact.customer,
                    contact.channel, experience, contact.id, null, null, contact.queue.name(), agent.id),
                    0.4, 0.7, 0.6);
        }
    }

    void afterAbandon(Contact contact) {
        if (Draw.chance(ctx.random, ABANDON_SAMPLE)) {
            Experience experience = new Experience.ContactVisit(contact.channel, contact.waitedSeconds, true, false,
                    0, contact.transfers, false, 0, contact.ivrFailures, contact.repeatContact);
            respond(new Survey(Touchpoint.QUEUE, contact.customer, contact.channel, experience, contact.id, null,
                    null, contact.queue.name(), null), 0.3, 0.5, 0.5);
        }
    }

    void afterSelfService(String sessionId, Customer customer, int ivrFailures) {
        if (Draw.chance(ctx.random, SELF_SERVICE_SAMPLE)) {
            respond(new Survey(Touchpoint.IVR, customer, Channel.VOICE, new Experience.SelfService(ivrFailures),
                    null, null, null, null, null), 0.2, 1.0, 0.5);
        }
    }

    void afterRepair(WorkOrder order) {
        if (Draw.chance(ctx.random, REPAIR_SAMPLE)) {
            Experience experience = new Experience.Repair(order.firstLateMinutes, order.reopened,
                    order.completionCode, order.visits);
            respond(new Survey(Touchpoint.REPAIR, order.customer, Channel.FIELD, experience, null, order.id, null,
                    null, null), 0.5, 0.3, 0.7);
        }
    }

    void afterComplaint(Complaint complaint) {
        if (Draw.chance(ctx.random, COMPLAINT_SAMPLE)) {
            Experience experience = new Experience.ComplaintHandling(complaint.firstResponseLate, complaint.escalated,
                    complaint.appealed, complaint.substantiated,
                    (complaint.resolvedAt - complaint.openedAt) / 86_400_000.0, complaint.reopened);
            respond(new Survey(Touchpoint.COMPLAINT_HANDLING, complaint.customer, complaint.channel, experience,
                    null, null, complaint.id, complaint.links.queue(), null), 1.0, 0.5, 0.8);
        }
    }

    void afterOutage(Customer customer, WorkOrder order, double hours, boolean repeated) {
        if (Draw.chance(ctx.random, OUTAGE_SAMPLE)) {
            respond(new Survey(Touchpoint.OUTAGE, customer, Channel.VOICE, new Experience.Outage(hours, repeated),
                    null, order.id, null, null, null), 0.6, 0.0, 0.7);
        }
    }

    /** Schedules the answer; each of NPS, CES and the indicators is asked with the given chance. */
    private void respond(Survey survey, double npsAsked, double cesAsked, double indicatorsAsked) {
        double delaySeconds = Draw.lognormal(ctx.random, 2 * 3600, 1.2);
        ctx.scheduler.after(delaySeconds, () -> {
            Customer customer = survey.customer;
            double grievances = ctx.memory.of(customer, ctx.now()).grievances(ctx.now());
            SatisfactionScoring.Answers answers = SatisfactionScoring.answer(survey.experience, customer,
                    survey.channel, grievances, ctx.random);
            String responseId = ctx.ids.entityId("sr");
            ctx.emit(EventTopic.SURVEY, responseId, SurveyResponse.newBuilder()
                    .setEventId(ctx.eventId())
                    .setEventTime(ctx.nowInstant())
                    .setResponseId(responseId)
                    .setTouchpoint(survey.touchpoint)
                    .setCsat(answers.csat())
                    .setNps(Draw.chance(ctx.random, npsAsked) ? answers.nps() : null)
                    .setCes(Draw.chance(ctx.random, cesAsked) ? answers.ces() : null)
                    .setIndicators(Draw.chance(ctx.random, indicatorsAsked) ? answers.indicators() : List.of())
                    .setContactId(survey.contactId)
                    .setWorkOrderId(survey.workOrderId)
                    .setComplaintId(survey.complaintId)
                    .setCustomerId(customer.id())
                    .setAccountId(customer.accountId())
                    .setRespondentRole(customer.role())
                    .setComment(answers.comment())
                    .setChannel(survey.channel)
                    .setRegion(customer.region().name())
                    .setSegment(customer.segment().label())
                    .setTier(customer.tier().label())
                    .setQueue(survey.queue)
                    .setAgentId(survey.agentId)
                    .build());
        });
    }

    /** A survey sent: who, about what, and what happened. */
    private record Survey(Touchpoint touchpoint, Customer customer, Channel channel, Experience experience,
                          String contactId, String workOrderId, String complaintId, String queue, String agentId) {
    }
}
