package io.vocstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.config.AppConfig;
import io.vocstream.producers.sink.EventSink;
import io.vocstream.schemas.EventTopic;
import io.vocstream.testing.ApiClient;
import io.vocstream.testing.LiveCluster;
import io.vocstream.testing.MixedWorkload;
import io.vocstream.testing.Recount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stops and starts again (same port, same log) while events stream in and an instance processes them:
 * the instance, the producer and the schema registry reconnect, and once everything is processed every event is
 * counted once.
 */
class BrokerRestartTest {
    private static final String APPLICATION_ID = "vocstream-broker-restart";
    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private static final List<SpecificRecord> WRITTEN = MixedWorkload.generate(31, 150,
            AT.minus(Duration.ofMinutes(95)), AT);
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    @DisplayName("a broker restarted mid-stream loses nothing and counts nothing twice")
    void brokerRestart() throws Exception {
        try (LiveCluster cluster = LiveCluster.start(dir, Map.of(AppConfig.APPLICATION_ID, APPLICATION_ID,
                AppConfig.TOPICS_PARTITIONS, "2", AppConfig.STREAM_THREADS, "1"));
             VocstreamApp app = cluster.startInstance("instance")) {
            ApiClient api = new ApiClient(app.httpPort());
            api.await("/ready", body -> true, CATCH_UP);
            int half = WRITTEN.size() / 2;
            try (EventSink sink = cluster.eventSink()) {
                WRITTEN.subList(0, half).forEach(e -> sink.publish(EventTopic.of(e), EventTopic.of(e).keyOf(e), e));
                sink.flush();
                api.await("/api/v1/ingest/topics", body -> body.findValues("events").stream()
                        .mapToLong(JsonNode::asLong).sum() > 0, CATCH_UP);
                cluster.restartBroker();
                // written while the instance and the producer are still reconnecting
                WRITTEN.subList(half, WRITTEN.size())
                        .forEach(e -> sink.publish(EventTopic.of(e), EventTopic.of(e).keyOf(e), e));
            }
            cluster.awaitProcessed(APPLICATION_ID, CATCH_UP);
            assertEquals(KafkaStreams.State.RUNNING, app.state());

            Recount recount = new Recount(WRITTEN);
            assertEquals(recount.eventsPerTopic(), Recount.eventsPerTopic(api, CATCH_UP), "events per topic");
            assertEquals(recount.queues(), Recount.queues(api, AT, CATCH_UP),
                    "contacts offered and answered per queue");
        }
    }
}
