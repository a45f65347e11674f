package io.vocstream.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.alerts.Alert;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every complaint store forgets what can no longer matter as stream time passes. Stream time is moved on by
 * complaints of another category and region (the harness clock is 2026-11-23 12:00; events may be up to a day
 * ahead of it).
 */
class ComplaintStoreExpiryTest {
    private static final Instant T0 = Instant.parse("2026-10-01T06:00:00Z");

    private final TopologyHarness harness = TopologyHarness.start(Map.of(
            "complaints.lifecycle.retention", "PT2H", "complaints.alerts.retention", "PT2H"),
            ComplaintsTopology::build);

    @AfterEach
    void close() {
        harness.close();
    }

    private void opened(String id, String category, String region, Instant at) {
        harness.pipe(Events.complaint(id, ComplaintEventType.OPENED, at).setCategory(category).setRegion(region)
                .setFeederId("F1").setCustomerId("customer-" + id).build());
    }

    /** One complaint elsewhere every five minutes from {@code from} to {@code to}: stream time moves on. */
    private void streamTimeTo(Instant from, Instant to) {
        for (Instant t = from; !t.isAfter(to); t = t.plus(Duration.ofMinutes(5))) {
            opened("tick-" + t.toEpochMilli(), "sales", "metro", t);
        }
    }

    private <V> KeyValueStore<String, V> store(String name) {
        return harness.driver().getKeyValueStore(name);
    }

    @Test
    @DisplayName("a complaint id is remembered for the lifecycle retention, then dropped with its segment")
    void firstOpeningsExpire() {
        opened("c1", "billing", "north", T0);
        WindowStore<String, Long> openings = harness.driver().getWindowStore(ComplaintsTopology.FIRST_OPENED_STORE);
        try (WindowStoreIterator<Long> held = openings.fetch("c1", 0L, Long.MAX_VALUE)) {
            assertTrue(held.hasNext(), "held while it can be resent");
        }
        streamTimeTo(T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofHours(5)));
        try (WindowStoreIterator<Long> held = openings.fetch("c1", 0L, Long.MAX_VALUE)) {
            assertFalse(held.hasNext(), "dropped after the 2 h retention");
        }
    }

    @Test
    @DisplayName("a common-issue group is dropped once its complaints are older than T plus the grace")
    void agedCommonIssueGroupsAreDropped() {
        String group = "category=outage,region=north,feeder=F1";
        opened("o1", "outage", "north", T0);
        assertNotNull(store(CommonIssueAlerting.MEMBERS_STORE).get(group));
        // outage T = 30 min, grace 1 h: aged out at 07:30; the hourly sweep at the next hour of stream time drops it
        streamTimeTo(T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofHours(3)));
        assertNull(store(CommonIssueAlerting.MEMBERS_STORE).get(group));
    }

    @Test
    @DisplayName("a resolved alert stays in the store for the alert retention, then is dropped")
    void resolvedAlertsAreDropped() {
        String key = Alert.key("category=outage,region=north,feeder=F1", CommonIssueAlerting.RULE);
        for (int i = 0; i < 3; i++) {
            opened("o" + i, "outage", "north", T0.plus(Duration.ofMinutes(i)));
        }
        KeyValueStore<String, Alert> alerts = store(AlertBook.ALERTS_STORE);
        assertEquals(Alert.Status.OPEN, alerts.get(key).status());
        // members are kept 30 min + 1 h: clear at the 07:35 step, resolved 30 minutes later at the 08:05 step
        streamTimeTo(T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofHours(3)));
        Alert resolved = alerts.get(key);
        assertEquals(Alert.Status.RESOLVED, resolved.status());
        assertEquals(T0.plus(Duration.ofMinutes(125)), resolved.resolvedTime());
        // kept 2 h after 08:05, so still there at the 10:00 sweep and gone at the 11:00 one
        streamTimeTo(T0.plus(Duration.ofMinutes(185)), T0.plus(Duration.ofHours(4)));
        assertNotNull(alerts.get(key));
        streamTimeTo(T0.plus(Duration.ofMinutes(245)), T0.plus(Duration.ofHours(5)));
        assertNull(alerts.get(key));
    }

    @Test
    @DisplayName("a dimension's arrival history is dropped once the detector no longer reads any of it")
    void idleArrivalHistoriesAreDropped() {
        String dimension = "category=gas,region=east";
        opened("g1", "gas", "east", T0);
        assertNotNull(store(ComplaintsTopology.ARRIVALS_STORE).get(dimension));
        // the seasonal baseline reads 4 weeks back (plus 2 h of margin); five weeks later nothing of it is left
        Instant later = T0.plus(Duration.ofDays(35));
        streamTimeTo(later, later.plus(Duration.ofHours(1)));
        assertNull(store(ComplaintsTopology.ARRIVALS_STORE).get(dimension));
        assertNotNull(store(ComplaintsTopology.ARRIVALS_STORE).get("category=sales,region=metro"));
    }

    @Test
    @DisplayName("a customer's recent complaints are dropped 30 days plus the grace after the newest")
    void quietCustomersAreDropped() {
        opened("r1", "billing", "north", T0);
        assertNotNull(store(RepeatComplainants.CUSTOMERS_STORE).get("customer-r1"));
        Instant later = T0.plus(Duration.ofDays(31));
        streamTimeTo(later, later.plus(Duration.ofHours(1)));
        assertNull(store(RepeatComplainants.CUSTOMERS_STORE).get("customer-r1"));
    }
}
