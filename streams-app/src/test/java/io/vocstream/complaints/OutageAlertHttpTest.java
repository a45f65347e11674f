package io.vocstream.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.config.AppConfig;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.producers.sim.Pace;
import io.vocstream.producers.sim.Scenario;
import io.vocstream.producers.sim.SimulationRunner;
import io.vocstream.producers.sim.SimulationSettings;
import io.vocstream.producers.sink.EventSink;
import io.vocstream.producers.sink.InMemoryEventSink;
import io.vocstream.producers.sink.PublishedEvent;
import io.vocstream.schemas.EventTopic;
import io.vocstream.testing.LiveApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's outage scenario, produced to the real (embedded) broker: the outage complaints on the feeders it
 * cuts raise common-issue alerts, open over HTTP and published on the {@code alerts} topic, and nothing else alerts.
 * The expected alerts are found from the simulated complaints themselves, by counting each group's complaints in
 * every span of the documented T; the spike rules stay silent because half an hour is less history than their
 * fallback needs. Only the run's complaint events are produced: the alert rules read nothing else, and the contact
 * and IVR events the outage also causes (a hundred times as many) would only make the test slower.
 */
class OutageAlertHttpTest {
    private static final String REGION = "north";
    /** Half an hour ending now, the outage lasting all of it. */
    private static final Duration RUN = Duration.ofMinutes(30);
    /**
     * A twentieth of the utility (under a hundred complaints in the run) with the outage's arrivals 80 times the usual:
     * each of the 4 dark feeders (2,000 customers, 0.3 % of whom complain per hour at full scale) gets
     * 2,000 x 0.003 x 0.05 x 80 = 24 complaints an hour, about 12 in the run, against K = 3 within 30 minutes.
     */
    private static final double SCALE = 0.05;
    private static final double OUTAGE_FACTOR = 80;

    /** The built-in common-issue parameters of docs/complaints.md. */
    private record Rule(int k, Duration t) {
    }

    private static final Map<String, Rule> RULES = Map.of(
            "outage", new Rule(3, Duration.ofMinutes(30)),
            "network_quality", new Rule(4, Duration.ofMinutes(60)),
            "billing", new Rule(10, Duration.ofHours(24)));
    private static final Rule OTHER_CATEGORIES = new Rule(5, Duration.ofHours(2));

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("an outage in one region raises common-issue alerts for its dark feeders, and only for them")
    void outageRaisesCommonIssueAlerts() throws Exception {
        InMemoryEventSink simulated = new InMemoryEventSink();
        SimulationRunner.run(SimulationSettings.builder().seed(11).pace(Pace.FAST)
                .start(Instant.now().minus(RUN).truncatedTo(ChronoUnit.SECONDS)).stopAfter(RUN).volumeScale(SCALE)
                .scenario(new Scenario.Outage(REGION, Duration.ZERO, RUN, OUTAGE_FACTOR)).build(), simulated);
        Map<String, List<ComplaintEvent>> groups = openingsByGroup(simulated.events(EventTopic.COMPLAINT,
                ComplaintEvent.class));
        Map<String, Set<String>> expected = new TreeMap<>();
        groups.forEach((group, openings) -> {
            if (holdsCluster(openings)) {
                expected.put(group, openings.stream().map(ComplaintEvent::getComplaintId).collect(Collectors.toSet()));
            }
        });
        assertFalse(expected.isEmpty(), "the outage must give some feeder K complaints within T: " + groups.keySet());
        assertTrue(expected.keySet().stream().allMatch(g -> g.startsWith("category=outage,region=" + REGION + ",")),
                "only the outage's feeders hold a cluster: " + expected.keySet());

        // two partitions rather than six: a third of the tasks to start, and still more than one task per rule
        try (LiveApp app = LiveApp.start(dataDir, Map.of(AppConfig.TOPICS_PARTITIONS, "2"))) {
            try (EventSink sink = app.eventSink()) {
                for (PublishedEvent event : simulated.events()) {
                    if (event.topic() == EventTopic.COMPLAINT) {
                        sink.publish(event.topic(), event.key(), event.event());
                    }
                }
            }
            JsonNode open = app.await("/api/v1/alerts",
                    body -> dimensionsOf(body).keySet().containsAll(expected.keySet()));
            Map<String, JsonNode> byDimension = dimensionsOf(open);
            assertEquals(expected.keySet(), byDimension.keySet(), "no open alert outside the outage's feeders");
            byDimension.forEach((group, alert) -> {
                assertEquals(CommonIssueAlerting.RULE, alert.get("rule").asText(), group);
                Set<String> members = StreamSupport.stream(alert.get("memberIds").spliterator(), false)
                        .map(JsonNode::asText).collect(Collectors.toSet());
                assertTrue(members.size() >= 3, group + ": " + members);
                assertTrue(expected.get(group).containsAll(members), group + ": members are its complaints");
            });

            Map<String, String> openedOnTopic = openedAlertIds(app, expected.keySet());
            byDimension.forEach((group, alert) ->
                    assertEquals(alert.get("id").asText(), openedOnTopic.get(group), group + " on the topic"));
        }
    }

    /** The OPENED events of each common-issue group: category and region, and the feeder or else the asset. */
    private static Map<String, List<ComplaintEvent>> openingsByGroup(List<ComplaintEvent> events) {
        Map<String, List<ComplaintEvent>> groups = new TreeMap<>();
        for (ComplaintEvent e : events) {
            if (e.getType() == ComplaintEventType.OPENED && e.getRegion() != null) {
                groups.computeIfAbsent(groupOf(e), g -> new ArrayList<>()).add(e);
            }
        }
        return groups;
    }

    private static String groupOf(ComplaintEvent e) {
        return "category=" + e.getCategory() + ",region=" + e.getRegion() + (e.getFeederId() != null
                ? ",feeder=" + e.getFeederId() : e.getAssetId() != null ? ",asset=" + e.getAssetId() : "");
    }

    /** Whether some span [t, t + T) starting at one of the group's openings holds K of them. */
    private static boolean holdsCluster(List<ComplaintEvent> openings) {
        Rule rule = RULES.getOrDefault(openings.get(0).getCategory(), OTHER_CATEGORIES);
        for (ComplaintEvent first : openings) {
            Instant from = first.getEventTime();
            long within = openings.stream().map(ComplaintEvent::getEventTime)
                    .filter(t -> !t.isBefore(from) && t.isBefore(from.plus(rule.t()))).count();
            if (within >= rule.k()) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, JsonNode> dimensionsOf(JsonNode alerts) {
        Map<String, JsonNode> byDimension = new HashMap<>();
        alerts.forEach(alert -> byDimension.put(alert.get("dimension").asText(), alert));
        return byDimension;
    }

    /** The id of the OPEN record of each dimension on the alerts topic (committed records only). */
    private static Map<String, String> openedAlertIds(LiveApp app, Set<String> dimensions) throws Exception {
        Map<String, String> opened = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(ComplaintsTopology.ALERTS_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!opened.keySet().containsAll(dimensions) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode alert = LiveApp.json(r.value());
                    if (alert.get("status").asText().equals("OPEN")) {
                        opened.put(alert.get("dimension").asText(), alert.get("id").asText());
                    }
                }
            }
        }
        return opened;
    }
}
