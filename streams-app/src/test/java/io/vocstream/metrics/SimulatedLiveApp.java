package io.vocstream.metrics;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.config.AppConfig;
import io.vocstream.producers.sim.Pace;
import io.vocstream.producers.sim.Scenario;
import io.vocstream.producers.sim.SimulationRunner;
import io.vocstream.producers.sim.SimulationSettings;
import io.vocstream.producers.sink.EventSink;
import io.vocstream.schemas.EventTopic;
import io.vocstream.testing.LiveApp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole application on the embedded broker, fed the simulator's last {@link #SIMULATED} up to now and caught up
 * with it: started once per test run and shared by every class that asks for it (a parameter of this type), closed
 * when the run ends.
 */
public final class SimulatedLiveApp implements ExtensionContext.Store.CloseableResource {
    /** Long enough for repairs to arrive and complaints to be answered; small enough to process in seconds. */
    static final Duration SIMULATED = Duration.ofHours(3);
    static final double SCALE = 0.05;
    /** Fewer than the simulator's five regions and queues, so that the label cap has values to put under other. */
    static final int TOP = 3;
    /**
     * An outage in the last hour: its complaints cluster on the dark feeders and raise common-issue alerts, open
     * when the run ends (as in OutageAlertHttpTest, whose figures these are).
     */
    static final String OUTAGE_REGION = "north";
    private static final Duration OUTAGE = Duration.ofHours(1);
    private static final double OUTAGE_FACTOR = 80;
    /** Generous: the first rebalance alone takes half a minute on a busy machine. */
    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    private final Path dataDir;
    private final LiveApp app;
    private final ZoneOffset zone;

    private SimulatedLiveApp(Path dataDir, LiveApp app, ZoneOffset zone) {
        this.dataDir = dataDir;
        this.app = app;
        this.zone = zone;
    }

    private static SimulatedLiveApp start() {
        try {
            Path dataDir = Files.createTempDirectory("vocstream-monitoring");
            ZoneOffset zone = lateMorningAt(Instant.now());
            LiveApp app = LiveApp.start(dataDir, Map.of(MetricsConfig.TOP, String.valueOf(TOP),
                    // today, in the gauges, then holds every simulated hour
                    AppConfig.TIME_ZONE, zone.getId(),
                    // two partitions rather than six: a third of the tasks to start
                    AppConfig.TOPICS_PARTITIONS, "2",
                    // what is measured does not depend on the guarantee; at least once catches up sooner
                    "processing.guarantee", "at_least_once"));
            SimulatedLiveApp live = new SimulatedLiveApp(dataDir, app, zone);
            live.feed();
            return live;
        } catch (Exception e) {
            throw new IllegalStateException("the simulated live application did not start: " + e, e);
        }
    }

    private void feed() throws Exception {
        long produced;
        try (EventSink sink = app.eventSink()) {
            Instant now = Instant.now();
            produced = SimulationRunner.run(SimulationSettings.builder().seed(5).pace(Pace.FAST)
                    .start(now.minus(SIMULATED).truncatedTo(ChronoUnit.SECONDS)).stopAfter(SIMULATED)
                    .zone(zone).volumeScale(SCALE)
                    .scenario(new Scenario.Outage(OUTAGE_REGION, SIMULATED.minus(OUTAGE), OUTAGE, OUTAGE_FACTOR))
                    .build(), sink);
        }
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers",
                app.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(EventTopic.CONTACT.topicName(""), "not Avro".getBytes(UTF_8))).get();
        }
        // every simulated event read, and every topic drained (the undecodable record to its DLQ)
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (ingested() < produced || !PrometheusText.parse(get("/metrics").body())
                .samples("vocstream_streams_consumer_lag_records").allMatch(s -> s.value() == 0)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the application did not catch up with the " + produced + " simulated "
                        + "events within " + CATCH_UP + "; ingested " + ingested());
            }
            Thread.sleep(500);
        }
    }

    /**
     * A zone whose clock reads late morning at {@code now}, the zone of the simulated customers' day and of the
     * application's "today": the customers call in office hours, so the simulated hours up to now are busy whenever
     * the test runs and the queues have contacts in the last 15 minutes, and today began before the first of them.
     */
    static ZoneOffset lateMorningAt(Instant now) {
        int utcHour = now.atZone(ZoneOffset.UTC).getHour();
        return ZoneOffset.ofHours(Math.floorMod(11 - utcHour + 12, 24) - 12);
    }

    /** Events read from the input topics so far. */
    private long ingested() throws IOException, InterruptedException {
        HttpResponse<String> topics = get("/api/v1/ingest/topics");
        return topics.statusCode() != 200 ? 0 : StreamSupport.stream(LiveApp.json(topics.body()).spliterator(), false)
                .mapToLong(row -> row.get("events").asLong()).sum();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return app.get(path);
    }

    public JsonNode await(String path, java.util.function.Predicate<JsonNode> accepted) throws Exception {
        return app.await(path, accepted);
    }

    @Override
    public void close() throws IOException {
        app.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Resolves a parameter of this type to the one application of the test run. */
    public static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SimulatedLiveApp.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(SimulatedLiveApp.class, key -> start(), SimulatedLiveApp.class);
        }
    }
}
