package io.vocstream.satisfaction;

import io.vocstream.events.ComplaintEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One customer's complaint cases as open/close step times, so that "was a complaint open at time t" has the same
 * answer whatever order the steps arrived in. A case is open from an OPENED or REOPENED step until the next
 * RESOLVED or CLOSED step.
 *
 * @param steps      per complaint id, its open and close steps
 * @param responses  the customer's responses, counted as with or without a complaint open
 * @param lastSeenAt newest step or response time, for expiry
 */
public record CustomerComplaints(Map<String, List<Step>> steps, List<LinkedResponse> responses, long lastSeenAt)
        implements LinkedFact<CustomerComplaints> {
    public static final CustomerComplaints NONE = new CustomerComplaints(Map.of(), List.of(), Long.MIN_VALUE);

    /** A step that opens ({@code opens}) or closes complaint case {@code complaintId} at time {@code at}. */
    public record Step(String complaintId, long at, boolean opens) {
        /** The open/close step of {@code event}, or null for steps that neither open nor close a case. */
        public static Step of(ComplaintEvent event) {
            Boolean opens = switch (event.getType()) {
                case OPENED, REOPENED -> true;
                case RESOLVED, CLOSED -> false;
                default -> null;
            };
            return opens == null ? null : new Step(event.getComplaintId(), event.getEventTime().toEpochMilli(), opens);
        }
    }

    public CustomerComplaints {
        steps = new TreeMap<>(steps);
        responses = List.copyOf(responses);
    }

    public CustomerComplaints with(Step step) {
        Map<String, List<Step>> updated = new TreeMap<>(steps);
        List<Step> caseSteps = new ArrayList<>(updated.getOrDefault(step.complaintId(), List.of()));
        caseSteps.add(step);
        updated.put(step.complaintId(), List.copyOf(caseSteps));
        return new CustomerComplaints(updated, responses, Math.max(lastSeenAt, step.at()));
    }

    /** The same cases with these responses linked. */
    @Override
    public CustomerComplaints withResponses(List<LinkedResponse> linked) {
        long newest = linked.stream().mapToLong(LinkedResponse::at).reduce(lastSeenAt, Math::max);
        return new CustomerComplaints(steps, linked, newest);
    }

    /** Whether any case was open at {@code t}: its latest step at or before t opened it. */
    public boolean openAt(long t) {
        for (List<Step> caseSteps : steps.values()) {
            Step latest = null;
            for (Step s : caseSteps) {
                if (s.at() <= t && (latest == null || s.at() > latest.at() || s.at() == latest.at() && !s.opens())) {
                    latest = s;
                }
            }
            if (latest != null && latest.opens()) {
                return true;
            }
        }
        return false;
    }
}
