package io.vocstream.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.alerts.Alert;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.streams.JsonSerde;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComplaintSpikeTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    private static final String DIMENSION = "category=billing,region=north";

    private final TopologyHarness harness = TopologyHarness.start(Map.of(), ComplaintsTopology::build);
    private final TestOutputTopic<String, Alert> alerts = harness.driver().createOutputTopic(
            TopologyHarness.PREFIX + ComplaintsTopology.ALERTS_TOPIC, new StringDeserializer(),
            JsonSerde.text(Alert.class).deserializer());

    @AfterEach
    void close() {
        harness.close();
    }

    private void opened(String id, Instant at) {
        harness.pipe(Events.complaint(id, ComplaintEventType.OPENED, at).build());
    }

    /** Six complaints in the first three hours: 2 an hour, the fallback baseline from 03:00 on. */
    private void threeQuietHours() {
        for (int i = 0; i < 6; i++) {
            opened("q" + i, T0.plus(Duration.ofMinutes(30L * i)));
        }
    }

    /**
     * The smallest 10-minute count that fires after the quiet hours, summed term by term: baseline C = 6 in
     * E = 3 h, shape r = 6.5, q = (1/6) / (3 + 1/6); fire when 3 x P(X >= x) < 0.001 and x >= 5.
     */
    private static int tippingCount() {
        double r = 6.5;
        double q = (1.0 / 6) / (3 + 1.0 / 6);
        double below = 0;
        for (int x = 1; ; x++) {
            int k = x - 1;
            below += Math.exp(Gamma.logGamma(k + r) - Gamma.logGamma(k + 1) - Gamma.logGamma(r)
                    + r * Math.log(1 - q) + k * Math.log(q));
            if (x >= 5 && 3 * (1 - below) < 1e-3) {
                return x;
            }
        }
    }

    private List<TestRecord<String, Alert>> alertsOf(String dimension) {
        return alerts.readRecordsToList().stream()
                .filter(r -> r.key().startsWith(dimension + "|"))
                .filter(r -> !r.value().rule().equals(CommonIssueAlerting.RULE)).toList();
    }

    @Test
    void theComplaintThatTipsTheCountEmitsTheOpenAlertAndLaterOnesDoNotOpenAnother() {
        threeQuietHours();
        int tipping = tippingCount();
        Instant burst = T0.plus(Duration.ofHours(3));
        for (int i = 0; i < tipping - 1; i++) {
            opened("b" + i, burst.plusSeconds(30L * i));
        }
        assertTrue(alertsOf(DIMENSION).isEmpty(), "no alert before the tipping complaint");

        Instant tippingAt = burst.plusSeconds(30L * (tipping - 1));
        opened("b-tip", tippingAt);
        List<TestRecord<String, Alert>> out = alertsOf(DIMENSION);
        assertEquals(1, out.size());
        Alert open = out.get(0).value();
        assertEquals(DIMENSION + "|" + SpikeSettings.POISSON_RULE, out.get(0).key());
        assertEquals(Alert.Status.OPEN, open.status());
        assertEquals(tippingAt, open.startTime());
        assertEquals(tipping, open.observed());
        assertEquals(6.5 / 3 / 6, open.expected(), 1e-12); // (C + 1/2) w / E = 6.5 x (1/6) / 3
        assertTrue(open.fallback());
        assertTrue(open.baseline().startsWith("fallback"), open.baseline());

        opened("b-next", tippingAt.plusSeconds(30));
        assertTrue(alertsOf(DIMENSION).isEmpty(), "one more complaint is not a material change");
    }

    @Test
    void aLateComplaintInsideTheGraceAddsToTheCurrentWindow() {
        threeQuietHours();
        int tipping = tippingCount();
        Instant burst = T0.plus(Duration.ofHours(3));
        // the burst arrives newest first; the earliest complaint, written last, completes the count
        for (int i = tipping - 1; i >= 1; i--) {
            opened("b" + i, burst.plusSeconds(30L * i));
        }
        assertTrue(alertsOf(DIMENSION).isEmpty(), "no alert before the tipping complaint");
        opened("b0", burst);
        List<TestRecord<String, Alert>> out = alertsOf(DIMENSION);
        assertEquals(1, out.size());
        assertEquals(Alert.Status.OPEN, out.get(0).value().status());
        assertEquals(tipping, out.get(0).value().observed());
        assertEquals(burst.plusSeconds(30L * (tipping - 1)), out.get(0).value().startTime());
    }

    @Test
    void aResentOpenedStepIsNotANewComplaint() {
        threeQuietHours();
        Instant burst = T0.plus(Duration.ofHours(3));
        for (int i = 0; i < 20; i++) {
            // the same complaint opened again and again (new event ids) counts once
            opened("same", burst.plusSeconds(30L * i));
        }
        assertTrue(alertsOf(DIMENSION).isEmpty());
    }

    @Test
    void anAlertResolvesAfterThirtyQuietMinutesOfStreamTime() {
        threeQuietHours();
        Instant burst = T0.plus(Duration.ofHours(3));
        for (int i = 0; i < 20; i++) {
            opened("b" + i, burst.plusSeconds(30L * i));
        }
        assertEquals(Alert.Status.OPEN, alertsOf(DIMENSION).get(0).value().status());
        // stream time moves on with complaints of another region; the burst dimension's count drains
        for (int minute = 20; minute <= 150; minute += 5) {
            harness.pipe(Events.complaint("s" + minute, ComplaintEventType.OPENED,
                    burst.plus(Duration.ofMinutes(minute))).setRegion("south").build());
        }
        List<TestRecord<String, Alert>> later = alertsOf(DIMENSION);
        assertEquals(1, later.size(), later.toString());
        Alert resolved = later.get(0).value();
        assertEquals(Alert.Status.RESOLVED, resolved.status());
        // clear once the 60-minute window has drained (p >= 0.05), then 30 minutes more
        assertTrue(resolved.resolvedTime().isAfter(burst.plus(Duration.ofMinutes(60 + 30))),
                resolved.resolvedTime().toString());
    }
}
