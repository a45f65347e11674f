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
 * @param steps      per complaint id, its open/close steps
 * @param lastSeenAt newest event time, for expiry
 */
public record CustomerComplaints(Map<String, List<Step>> steps, long lastSeenAt) {
    public static final CustomerComplaints NONE = new CustomerComplaints(Map.of(), Long.MIN_VALUE);

    /** An opening ({@code opens}) or closing step at time {@code at}. */
    public record Step(long at, boolean opens) {
    }

    public CustomerComplaints {
        steps = new TreeMap<>(steps);
    }

    public CustomerComplaints with(ComplaintEvent event) {
        Boolean opens = switch (event.getType()) {
            case OPENED, REOPENED -> true;
            case RESOLVED, CLOSED -> false;
            default -> null;
        };
        long t = event.getEventTime().toEpochMilli();
        Map<String, List<Step>> updated = new TreeMap<>(steps);
        if (opens != null) {
            List<Step> caseSteps = new ArrayList<>(updated.getOrDefault(event.getComplaintId(), List.of()));
            caseSteps.add(new Step(t, opens));
            updated.put(event.getComplaintId(), List.copyOf(caseSteps));
        }
        return new CustomerComplaints(updated, Math.max(lastSeenAt, t));
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
