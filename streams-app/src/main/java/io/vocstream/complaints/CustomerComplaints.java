package io.vocstream.complaints;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/** One customer's recent complaints, for telling repeat complaints apart. */
public record CustomerComplaints(List<CustomerComplaint> complaints) {

    @JsonCreator
    public CustomerComplaints(@JsonProperty("complaints") List<CustomerComplaint> complaints) {
        this.complaints = List.copyOf(complaints);
    }

    /** With {@code complaint} added, or put in place of the same complaint's earlier entry. */
    CustomerComplaints with(CustomerComplaint complaint) {
        List<CustomerComplaint> next = new ArrayList<>(complaints.stream()
                .filter(c -> !c.complaintId().equals(complaint.complaintId())).toList());
        next.add(complaint);
        return new CustomerComplaints(next);
    }

    /** Without complaints opened before {@code time}. */
    CustomerComplaints openedFrom(long time) {
        return new CustomerComplaints(complaints.stream().filter(c -> c.openedAt() >= time).toList());
    }

    /**
     * Each complaint with whether it is a repeat: the same customer opened another complaint in the {@code span}
     * milliseconds up to and including its own opening.
     */
    Map<CustomerComplaint, Boolean> repeats(long span) {
        Map<CustomerComplaint, Boolean> flags = new LinkedHashMap<>();
        for (CustomerComplaint c : complaints) {
            flags.put(c, complaints.stream().anyMatch(other -> !other.complaintId().equals(c.complaintId())
                    && other.openedAt() <= c.openedAt() && other.openedAt() >= c.openedAt() - span));
        }
        return flags;
    }

    long newestOpening() {
        return complaints.stream().mapToLong(CustomerComplaint::openedAt).max().orElse(Long.MIN_VALUE);
    }
}
