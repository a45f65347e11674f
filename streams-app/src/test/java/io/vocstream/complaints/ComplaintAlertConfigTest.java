package io.vocstream.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.alerts.Alert;
import io.vocstream.config.ConfigException;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.streams.JsonSerde;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The complaints.* alert settings change what the running topology does, and a bad one stops it from being built. */
class ComplaintAlertConfigTest {
    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    /** The complaint topology under {@code settings}, and the alerts it emits. */
    private record Run(TopologyHarness harness, TestOutputTopic<String, Alert> alerts) implements AutoCloseable {
        static Run with(Map<String, String> settings) {
            TopologyHarness harness = TopologyHarness.start(settings, ComplaintsTopology::build);
            return new Run(harness, harness.driver().createOutputTopic(
                    TopologyHarness.PREFIX + ComplaintsTopology.ALERTS_TOPIC, new StringDeserializer(),
                    JsonSerde.text(Alert.class).deserializer()));
        }

        void opened(String id, String category, Instant at) {
            harness.pipe(Events.complaint(id, ComplaintEventType.OPENED, at).setCategory(category)
                    .setFeederId("F1").build());
        }

        List<Alert> of(String rule, String dimension) {
            return alerts.readValuesToList().stream()
                    .filter(a -> a.rule().equals(rule) && a.dimension().equals(dimension)).toList();
        }

        @Override
        public void close() {
            harness.close();
        }
    }

    private static final String OUTAGE_F1 = "category=outage,region=north,feeder=F1";

    @Test
    @DisplayName("a lower common-issue K for a category opens its alert on an earlier complaint")
    void lowerCommonIssueCountFiresEarlier() {
        try (Run builtIn = Run.with(Map.of());
             Run lowered = Run.with(Map.of("complaints.common-issue.outage.count", "2"))) {
            for (Run run : List.of(builtIn, lowered)) {
                run.opened("a1", "outage", T0);
                run.opened("a2", "outage", T0.plus(Duration.ofMinutes(5)));
            }
            assertTrue(builtIn.of(CommonIssueAlerting.RULE, OUTAGE_F1).isEmpty(), "built-in K = 3: two are not enough");
            List<Alert> out = lowered.of(CommonIssueAlerting.RULE, OUTAGE_F1);
            assertEquals(1, out.size(), out.toString());
            assertEquals(Alert.Status.OPEN, out.get(0).status());
            assertEquals(List.of("a1", "a2"), out.get(0).memberIds());
            assertEquals(T0.plus(Duration.ofMinutes(5)), out.get(0).startTime());
        }
    }

    @Test
    @DisplayName("a shorter complaints.alerts.clear.after resolves a quiet alert sooner")
    void shorterClearAfterResolvesSooner() {
        try (Run run = Run.with(Map.of("complaints.alerts.clear.after", "PT10M"))) {
            for (int i = 0; i < 3; i++) {
                run.opened("a" + i, "outage", T0.plus(Duration.ofMinutes(i)));
            }
            // stream time moves on with complaints of another group, a minute at a time; members are kept 30 min
            // (the outage window) + 1 h (grace) from 06:00, 06:01 and 06:02, so the cluster is gone at 07:31
            for (int minute = 10; minute <= 120; minute++) {
                run.harness().pipe(Events.complaint("s" + minute, ComplaintEventType.OPENED,
                        T0.plus(Duration.ofMinutes(minute))).setRegion("south").build());
            }
            List<Alert> out = run.of(CommonIssueAlerting.RULE, OUTAGE_F1);
            assertEquals(List.of(Alert.Status.OPEN, Alert.Status.RESOLVED), out.stream().map(Alert::status).toList());
            Alert resolved = out.get(1);
            assertEquals(T0.plus(Duration.ofMinutes(91)), resolved.quietSince());
            assertEquals(T0.plus(Duration.ofMinutes(101)), resolved.resolvedTime()); // 10 minutes, not 30
        }
    }

    @Test
    @DisplayName("a higher complaints.spike.min.count holds the spike alert until that many complaints")
    void higherMinimumCountHoldsTheSpikeAlert() {
        String dimension = "category=billing,region=north";
        try (Run builtIn = Run.with(Map.of());
             Run floor12 = Run.with(Map.of("complaints.spike.min.count", "12"))) {
            for (Run run : List.of(builtIn, floor12)) {
                // two complaints an hour for three hours: the fallback baseline from 09:00 on
                for (int i = 0; i < 6; i++) {
                    run.opened("q" + i, "billing", T0.plus(Duration.ofMinutes(30L * i)));
                }
                for (int i = 0; i < 11; i++) {
                    run.opened("b" + i, "billing", T0.plus(Duration.ofHours(3)).plusSeconds(30L * i));
                }
            }
            assertEquals(Alert.Status.OPEN,
                    builtIn.of(SpikeSettings.POISSON_RULE, dimension).get(0).status(), "11 in 5 minutes is a spike");
            assertTrue(floor12.of(SpikeSettings.POISSON_RULE, dimension).isEmpty(), "but fewer than 12");
            floor12.opened("b11", "billing", T0.plus(Duration.ofHours(3)).plusSeconds(330));
            List<Alert> out = floor12.of(SpikeSettings.POISSON_RULE, dimension);
            assertEquals(1, out.size(), out.toString());
            assertEquals(Alert.Status.OPEN, out.get(0).status());
            assertEquals(12, out.get(0).observed());
        }
    }

    @Test
    @DisplayName("a bad complaints.* value stops the topology from being built, naming the setting")
    void badValueStopsTheBuild() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TopologyHarness.start(Map.of("complaints.spike.min.count", "five"), ComplaintsTopology::build));
        assertEquals("setting 'complaints.spike.min.count' (from test) must be an integer between 1 and 1000000, "
                + "got 'five': For input string: \"five\"", e.getMessage());
    }
}
