package io.vocstream.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.alerts.Alert;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.streams.JsonSerde;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The common-issue rule with the built-in outage parameters: 3 complaints within 30 minutes; grace 1 h. */
class CommonIssueTopologyTest {
    private static final String F1 = "category=outage,region=north,feeder=F1";

    private final TopologyHarness harness = TopologyHarness.start(Map.of(), ComplaintsTopology::build);
    private final TestOutputTopic<String, Alert> alerts = harness.driver().createOutputTopic(
            TopologyHarness.PREFIX + ComplaintsTopology.ALERTS_TOPIC, new StringDeserializer(),
            JsonSerde.text(Alert.class).deserializer());

    @AfterEach
    void close() {
        harness.close();
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-11-23T" + hhmm + ":00Z");
    }

    private void outage(String id, String feeder, String hhmm) {
        harness.pipe(Events.complaint(id, ComplaintEventType.OPENED, at(hhmm)).setCategory("outage")
                .setFeederId(feeder).build());
    }

    /** Common-issue alerts of outage complaints (the traffic moving stream time on is of another category). */
    private List<Alert> commonIssues() {
        return alerts.readValuesToList().stream().filter(a -> a.rule().equals(CommonIssueAlerting.RULE))
                .filter(a -> a.dimension().startsWith("category=outage")).toList();
    }

    @Test
    @DisplayName("the third outage complaint on a feeder within 30 minutes opens an alert listing the three")
    void thirdComplaintOnOneFeederOpensTheAlert() {
        outage("a1", "F1", "10:00");
        outage("a2", "F1", "10:10");
        outage("b1", "F2", "10:12"); // another feeder: another group
        outage("c1", "F1", "10:10"); // another complaint in the same minute counts
        List<Alert> out = commonIssues();
        assertEquals(1, out.size(), out.toString());
        Alert open = out.get(0);
        assertEquals(F1, open.dimension());
        assertEquals(Alert.Status.OPEN, open.status());
        assertEquals(Alert.Severity.WARNING, open.severity());
        assertEquals(3, open.observed());
        assertEquals(List.of("a1", "a2", "c1"), open.memberIds());
        assertEquals(at("10:10"), open.startTime());
    }

    @Test
    @DisplayName("complaints 31 minutes apart at the ends do not make three within 30 minutes")
    void spreadBeyondTheWindowRaisesNothing() {
        outage("a1", "F3", "10:00");
        outage("a2", "F3", "10:20");
        outage("a3", "F3", "10:31"); // 10:00-10:20 and 10:20-10:31 hold two each
        outage("a2", "F3", "10:25"); // a resent OPENED of a2 is not a new member
        assertTrue(commonIssues().isEmpty());
    }

    @Test
    @DisplayName("a late member inside the grace updates the open alert; it resolves 30 minutes after the cluster ages out")
    void lateMemberUpdatesAndTheAlertResolves() {
        outage("a1", "F1", "10:00");
        outage("a2", "F1", "10:10");
        outage("a3", "F1", "10:20");
        outage("a0", "F1", "10:05"); // late, inside the 1 h grace
        List<Alert> out = commonIssues();
        assertEquals(2, out.size(), out.toString());
        assertEquals(Alert.Status.UPDATED, out.get(1).status());
        assertEquals(List.of("a1", "a2", "a3", "a0"), out.get(1).memberIds());
        assertEquals(4, out.get(1).observed());
        // stream time moves on in 5-minute steps with complaints elsewhere; members are kept 30 min + 1 h grace:
        // 10:00 goes after 11:30 (10:05, 10:10, 10:20 still three), 10:05 after 11:35, so at the 11:40 step two are
        // left and the signal is clear; resolved 30 minutes later, at the 12:10 step
        for (int minute = 30; minute <= 150; minute += 5) {
            harness.pipe(Events.complaint("s" + minute, ComplaintEventType.OPENED, at("10:00")
                    .plusSeconds(60L * minute)).setRegion("south").setCategory("billing").build());
        }
        List<Alert> later = commonIssues();
        assertEquals(1, later.size(), later.toString());
        Alert resolved = later.get(0);
        assertEquals(Alert.Status.RESOLVED, resolved.status());
        assertEquals(at("11:40"), resolved.quietSince());
        assertEquals(at("12:10"), resolved.resolvedTime());
        assertEquals(List.of("a1", "a2", "a3", "a0"), resolved.memberIds());
    }
}
