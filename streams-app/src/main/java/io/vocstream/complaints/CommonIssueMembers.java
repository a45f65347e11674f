package io.vocstream.complaints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The recent complaints of one common-issue group (category, region, feeder or asset), by opening time. */
public record CommonIssueMembers(List<Member> members) {

    /** One complaint of the group. */
    public record Member(String complaintId, long openedAt) {
    }

    public CommonIssueMembers {
        members = members.stream().sorted(Comparator.comparingLong(Member::openedAt)
                .thenComparing(Member::complaintId)).toList();
    }

    CommonIssueMembers with(Member member) {
        if (members.stream().anyMatch(m -> m.complaintId().equals(member.complaintId()))) {
            return this;
        }
        List<Member> next = new ArrayList<>(members);
        next.add(member);
        return new CommonIssueMembers(next);
    }

    CommonIssueMembers openedFrom(long time) {
        return new CommonIssueMembers(members.stream().filter(m -> m.openedAt() >= time).toList());
    }

    /** The most members any span of {@code window} holds (the earliest such span on a tie). */
    List<Member> densest(long window) {
        int bestFrom = 0;
        int bestTo = 0;
        for (int from = 0, to = 0; from < members.size(); from++) {
            while (to < members.size() && members.get(to).openedAt() - members.get(from).openedAt() < window) {
                to++;
            }
            if (to - from > bestTo - bestFrom) {
                bestFrom = from;
                bestTo = to;
            }
        }
        return members.subList(bestFrom, bestTo);
    }
}
