package io.vocstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.config.AppConfig;
import io.vocstream.events.AgentEvent;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.IvrEvent;
import io.vocstream.producers.sink.EventSink;
import io.vocstream.schemas.EventTopic;
import io.vocstream.testing.ApiClient;
import io.vocstream.testing.LiveCluster;
import io.vocstream.testing.MixedWorkload;
import io.vocstream.testing.Recount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance stopped cleanly and started again on its state directory, under exactly-once, keeps every task's local
 * state: Kafka Streams wipes a task's state when a store in it cannot say which changelog offset it holds, and then
 * restores everything from the changelogs. The workload leaves some window stores without a single bucket (no survey
 * in it names a contact without its agent, for instance), which is where that went wrong.
 */
class CleanRestartTest {
    private static final String APPLICATION_ID = "vocstream-clean-restart";
    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    /** Contact-center events alone, as from a deployment not (yet) fed surveys, complaints or repairs. */
    private static final List<SpecificRecord> WRITTEN = MixedWorkload.generate(17, 60,
            AT.minus(Duration.ofMinutes(95)), AT).stream()
            .filter(e -> e instanceof ContactEvent || e instanceof AgentEvent || e instanceof IvrEvent).toList();
    private static final Duration CATCH_UP = Duration.ofSeconds(90);
    /** A file of ours in each task directory: gone after a restart if Kafka Streams wiped the task's state. */
    private static final String MARKER = "vocstream-restart-marker";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a clean restart keeps every task's local state, still knows the events it took, "
            + "and answers as before")
    void cleanRestart() throws Exception {
        try (LiveCluster cluster = LiveCluster.start(dir, Map.of(AppConfig.APPLICATION_ID, APPLICATION_ID,
                AppConfig.TOPICS_PARTITIONS, "2", AppConfig.STREAM_THREADS, "1"))) {
            Path tasks = dir.resolve("instance").resolve("streams").resolve(APPLICATION_ID);
            try (VocstreamApp app = cluster.startInstance("instance")) {
                new ApiClient(app.httpPort()).await("/ready", body -> true, CATCH_UP);
                try (EventSink sink = cluster.eventSink()) {
                    WRITTEN.forEach(e -> sink.publish(EventTopic.of(e), EventTopic.of(e).keyOf(e), e));
                }
                cluster.awaitProcessed(APPLICATION_ID, CATCH_UP);
            }
            List<Path> taskDirs = taskDirectories(tasks);
            assertFalse(taskDirs.isEmpty(), "task directories under " + tasks);
            for (Path task : taskDirs) {
                Files.writeString(task.resolve(MARKER), "kept");
            }

            try (VocstreamApp app = cluster.startInstance("instance")) {
                ApiClient api = new ApiClient(app.httpPort());
                api.await("/ready", body -> true, CATCH_UP);
                assertEquals(KafkaStreams.State.RUNNING, app.state());
                for (Path task : taskDirs) {
                    assertTrue(Files.exists(task.resolve(MARKER)), task.getFileName() + " was wiped and restored");
                }
                // the event ids remembered for de-duplication are in memory: sent again, every event is known
                try (EventSink sink = cluster.eventSink()) {
                    WRITTEN.forEach(e -> sink.publish(EventTopic.of(e), EventTopic.of(e).keyOf(e), e));
                }
                cluster.awaitProcessed(APPLICATION_ID, CATCH_UP);
                Recount recount = new Recount(WRITTEN);
                assertEquals(recount.eventsPerTopic(), Recount.eventsPerTopic(api, CATCH_UP), "events per topic");
                assertEquals(recount.queues(), Recount.queues(api, AT, CATCH_UP),
                        "contacts offered and answered per queue");
            }
        }
    }

    private static List<Path> taskDirectories(Path tasks) throws IOException {
        try (Stream<Path> entries = Files.list(tasks)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches("\\d+_\\d+")).sorted().toList();
        }
    }
}
