package io.vocstream.bench;

import io.vocstream.app.Demo;
import io.vocstream.config.AppConfig;
import io.vocstream.producers.sim.Pace;
import io.vocstream.producers.sim.SimulationRunner;
import io.vocstream.producers.sim.SimulationSettings;
import io.vocstream.producers.sink.KafkaEventSink;
import io.vocstream.schemas.EventTopic;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/**
 * How long a {@code /metrics} scrape takes with a realistic state, deep and wide: the application embedded as
 * {@code demo} runs it (without its simulator) is fed the simulator's last {@code simulated} up to now at volume
 * {@code scale} (every minute bucket of the windows filled), then the query benchmark's state of many slices
 * ({@value QueryBenchmark#QUEUES} queues, {@value QueryBenchmark#REGIONS} regions x {@value QueryBenchmark#CATEGORIES}
 * categories, ..., which the label cap folds into {@code other}). Once every event is counted and no topic has records
 * left to process, {@code runs} scrapes follow one another, each timed by a plain HTTP client from the request to the
 * last byte, with the time each gauge source took as the scrape reports it
 * ({@code vocstream_metrics_source_duration_seconds}).
 */
public final class MetricsScrapeBenchmark {
    private static final Pattern SOURCE_SECONDS =
            Pattern.compile("(?m)^vocstream_metrics_source_duration_seconds\\{source=\"(\\w+)\",?} (\\S+)$");
    private static final Pattern LAG = Pattern.compile("(?m)^vocstream_streams_consumer_lag_records\\{.*} (\\S+)$");
    private static final Duration CATCH_UP = Duration.ofHours(2);

    private MetricsScrapeBenchmark() {
    }

    public static void run(Path dataDir, Duration simulated, double scale, int runs, long seed,
                           Map<String, String> settings, PrintStream out) throws Exception {
        String prefix = settings.getOrDefault(AppConfig.TOPIC_PREFIX, "");
        try (Demo demo = Demo.start(new Demo.Options(dataDir, 0, 0, 0, false, null, scale, settings))) {
            LocalApi api = new LocalApi(demo.httpPort());
            Map<String, String> producer = Map.of("bootstrap.servers", demo.bootstrapServers(),
                    "schema.registry.url", demo.registryUrl());
            long started = System.nanoTime();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            // the runner closes its sink when the simulation ends
            long simulatedEvents = SimulationRunner.run(SimulationSettings.builder().pace(Pace.FAST).seed(seed)
                    .volumeScale(scale).start(now.minus(simulated)).stopAfter(simulated).build(),
                    KafkaEventSink.create(producer, prefix));
            List<SpecificRecord> wide = QueryBenchmark.state(new Random(seed), now);
            try (KafkaEventSink sink = KafkaEventSink.create(producer, prefix)) {
                for (SpecificRecord event : wide) {
                    EventTopic topic = EventTopic.of(event);
                    sink.publish(topic, topic.keyOf(event), event);
                }
            }
            long produced = simulatedEvents + wide.size();
            out.printf("produced %,d simulated events (%s up to now, scale %.2f) and %,d of many slices in %.0f s%n",
                    simulatedEvents, simulated, scale, wide.size(), (System.nanoTime() - started) / 1e9);
            LocalApi.await("all " + produced + " events processed", CATCH_UP, () -> caughtUp(api, produced));
            out.printf("caught up after %.0f s%n", (System.nanoTime() - started) / 1e9);

            List<Long> totals = new ArrayList<>();
            Map<String, List<Long>> bySource = new TreeMap<>();
            for (int run = 1; run <= runs; run++) {
                long t0 = System.nanoTime();
                String body = api.get("/metrics").body();
                long micros = (System.nanoTime() - t0) / 1000;
                totals.add(micros / 1000);
                Matcher m = SOURCE_SECONDS.matcher(body);
                StringBuilder sources = new StringBuilder();
                while (m.find()) {
                    double millis = Double.parseDouble(m.group(2)) * 1000;
                    bySource.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Math.round(millis));
                    sources.append(String.format(", %s %.1f ms", m.group(1), millis));
                }
                out.printf("scrape %d: %.1f ms, %,d bytes, %,d samples%s%n", run, micros / 1000.0, body.length(),
                        body.lines().filter(l -> !l.startsWith("#")).count(), sources);
            }
            out.println(Latencies.summary("scrape", totals));
            bySource.forEach((source, millis) -> out.println("  " + Latencies.summary(source, millis)));
        }
    }

    /** Every produced event counted, and no topic, input or repartition, with records left to process. */
    private static boolean caughtUp(LocalApi api, long produced) throws Exception {
        long counted = 0;
        for (var row : api.json("/api/v1/ingest/topics")) {
            counted += row.path("events").asLong();
        }
        return counted >= produced && LAG.matcher(api.get("/metrics").body()).results()
                .allMatch(r -> Double.parseDouble(r.group(1)) == 0);
    }
}
