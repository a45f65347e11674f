package io.vocstream.repair;

/**
 * What reaches a work order's feedback partition: the order's own summary, a survey response about it, or a
 * complaint about it (exactly one of the three).
 */
public record RepairLink(OrderVisit order, LinkedSurvey survey, LinkedComplaint complaint) {
    /** A survey response with a CSAT about a work order. */
    public record LinkedSurvey(String responseId, long at, int csat) {
    }

    /** A complaint OPENED about a work order. */
    public record LinkedComplaint(String complaintId, long at) {
    }

    static RepairLink of(OrderVisit order) {
        return new RepairLink(order, null, null);
    }

    static RepairLink of(LinkedSurvey survey) {
        return new RepairLink(null, survey, null);
    }

    static RepairLink of(LinkedComplaint complaint) {
        return new RepairLink(null, null, complaint);
    }
}
