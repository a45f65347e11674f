package io.vocstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.config.AppConfig;
import io.vocstream.producers.sink.EventSink;
import io.vocstream.schemas.EventTopic;
import io.vocstream.testing.ApiClient;
import io.vocstream.testing.ChildInstance;
import io.vocstream.testing.LiveCluster;
import io.vocstream.testing.MixedWorkload;
import io.vocstream.testing.Recount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once under a crash, on a real broker: {@code vocstream run} in a child JVM is killed (SIGKILL) while events
 * stream in, some of them sent twice, and restarted on the same state directory. Once everything written is
 * processed, the aggregates equal a straightforward recount of the distinct events: nothing lost, nothing counted
 * twice.
 */
class CrashRecoveryTest {
    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final String APPLICATION_ID = "vocstream-crash";
    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private static final List<SpecificRecord> WRITTEN = withDuplicates(
            MixedWorkload.generate(21, 200, AT.minus(Duration.ofMinutes(95)), AT));
    private static final int EVENTS_PER_SECOND = 100;
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private LiveCluster cluster;
    private ChildInstance instance;

    @BeforeEach
    void start() {
        // a killed member is noticed after the session timeout: the broker's minimum rather than 45 s
        cluster = LiveCluster.start(dir, Map.of(AppConfig.APPLICATION_ID, APPLICATION_ID,
                AppConfig.TOPICS_PARTITIONS, "2", AppConfig.STREAM_THREADS, "1", "kafka.session.timeout.ms", "6000"));
    }

    @AfterEach
    void stop() {
        if (instance != null) {
            instance.close();
        }
        cluster.close();
    }

    @Test
    @DisplayName("an instance killed mid-stream and restarted counts every event exactly once")
    void killedInstance() throws Exception {
        instance = cluster.launchProcess("instance");
        awaitReady(instance);
        CountDownLatch killed = new CountDownLatch(1);
        CompletableFuture<Void> publishing = publish(WRITTEN, killed);
        instance.api().await("/api/v1/ingest/topics", body -> ingested(body) > 0, CATCH_UP);
        instance.kill();
        killed.countDown();
        log.info("killed the instance while {} events were being written", WRITTEN.size());

        long relaunched = System.nanoTime();
        instance = cluster.launchProcess("instance");
        awaitReady(instance);
        log.info("the restarted instance was ready after {} ms", (System.nanoTime() - relaunched) / 1_000_000);
        publishing.get(CATCH_UP.toSeconds(), TimeUnit.SECONDS);
        cluster.awaitProcessed(APPLICATION_ID, CATCH_UP);
        log.info("the restarted instance has processed everything");
        assertRecounted(WRITTEN);
    }

    /** Every event, and every 25th a second time twenty events later (as a producer retrying on its own would). */
    private static List<SpecificRecord> withDuplicates(List<SpecificRecord> events) {
        List<SpecificRecord> written = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            written.add(events.get(i));
            if (i >= 20 && (i - 20) % 25 == 0) {
                written.add(events.get(i - 20));
            }
        }
        return written;
    }

    /**
     * Publishes the events in the background at {@link #EVENTS_PER_SECOND}, as the producers do, the second half
     * only once {@code killed}: however fast the instance, events still arrive after it is killed.
     */
    private CompletableFuture<Void> publish(List<SpecificRecord> events, CountDownLatch killed) {
        return CompletableFuture.runAsync(() -> {
            try (EventSink sink = cluster.eventSink()) {
                long started = System.nanoTime();
                for (int i = 0; i < events.size(); i++) {
                    if (i == events.size() / 2) {
                        sink.flush();
                        killed.await();
                        started = System.nanoTime() - i * 1_000_000_000L / EVENTS_PER_SECOND;
                    }
                    SpecificRecord e = events.get(i);
                    sink.publish(EventTopic.of(e), EventTopic.of(e).keyOf(e), e);
                    long due = started + i * 1_000_000_000L / EVENTS_PER_SECOND;
                    long early = due - System.nanoTime();
                    if (early > 0) {
                        Thread.sleep(early / 1_000_000);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            }
        });
    }

    private static void awaitReady(ChildInstance child) throws Exception {
        try {
            child.api().await("/ready", body -> true, CATCH_UP);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + child.logTail(), e);
        }
    }

    private static long ingested(JsonNode topics) {
        long total = 0;
        for (JsonNode row : topics) {
            total += row.get("events").asLong();
        }
        return total;
    }

    /** The instance's aggregates equal those recounted from the distinct events written. */
    private void assertRecounted(List<SpecificRecord> written) throws Exception {
        Recount recount = new Recount(written);
        ApiClient api = instance.api();
        String day = "window=24h&at=" + AT;
        assertEquals(recount.eventsPerTopic(), Recount.eventsPerTopic(api, CATCH_UP), "events per topic");

        Map<String, Recount.Csat> surveys = new TreeMap<>();
        api.await("/api/v1/satisfaction/slices?dimension=region&" + day, body -> true, CATCH_UP)
                .forEach(row -> surveys.put(row.get("value").asText(), new Recount.Csat(row.get("n").asLong(),
                        row.get("csatN").asLong(), Math.round(row.get("csatMean").asDouble()
                        * row.get("csatN").asLong()))));
        assertEquals(recount.surveysByRegion(), surveys, "survey responses and CSAT per region");

        assertEquals(recount.queues(), Recount.queues(api, AT, CATCH_UP), "contacts offered and answered per queue");

        Map<String, Long> complaints = new TreeMap<>();
        api.await("/api/v1/complaints?dimension=region&" + day, body -> true, CATCH_UP)
                .forEach(row -> complaints.put(row.get("value").asText(), row.get("opened").asLong()));
        assertEquals(recount.complaintsOpenedByRegion(), complaints, "complaints opened per region");

        Map<String, Long> orders = new TreeMap<>();
        api.await("/api/v1/repairs?dimension=region&" + day, body -> true, CATCH_UP)
                .forEach(row -> orders.put(row.get("value").asText(), row.get("ordersCreated").asLong()));
        assertEquals(recount.ordersCreatedByRegion(), orders, "repair orders created per region");
    }
}
