package io.vocstream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocstream.app.Demo;
import io.vocstream.config.AppConfig;
import io.vocstream.producers.sim.Pace;
import io.vocstream.producers.sim.SimulationRunner;
import io.vocstream.producers.sim.SimulationSettings;
import io.vocstream.producers.sink.KafkaEventSink;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * How long a {@code /metrics} scrape takes with a realistic state: the application embedded as {@code demo} runs it
 * (without its simulator), fed the simulator's last {@code simulated} up to now at volume {@code scale} and caught up
 * with it, then {@code runs} scrapes one after another, each timed by a plain HTTP client from the request to the
 * last byte, with the time each gauge source took as the scrape reports it
 * ({@code vocstream_metrics_source_duration_seconds}).
 */
public final class MetricsScrapeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SOURCE_SECONDS =
            Pattern.compile("(?m)^vocstream_metrics_source_duration_seconds\\{source=\"(\\w+)\",?} (\\S+)$");
    private static final Pattern LAG = Pattern.compile("(?m)^vocstream_streams_consumer_lag_records\\{.*} (\\S+)$");
    private static final Duration CATCH_UP = Duration.ofHours(2);

    private final Demo demo;
    private final HttpClient http = HttpClient.newHttpClient();

    private MetricsScrapeBenchmark(Demo demo) {
        this.demo = demo;
    }

    public static void run(Path dataDir, Duration simulated, double scale, int runs, Map<String, String> settings,
                           PrintStream out) throws Exception {
        try (Demo demo = Demo.start(new Demo.Options(dataDir, 0, 0, 0, false, null, scale, settings))) {
            MetricsScrapeBenchmark benchmark = new MetricsScrapeBenchmark(demo);
            long started = System.nanoTime();
            long produced = benchmark.produce(simulated, scale, settings.getOrDefault(AppConfig.TOPIC_PREFIX, ""));
            out.printf("produced %,d events (%s simulated up to now, scale %.2f) in %.0f s%n", produced, simulated,
                    scale, (System.nanoTime() - started) / 1e9);
            benchmark.awaitCaughtUp(produced);
            out.printf("caught up after %.0f s%n", (System.nanoTime() - started) / 1e9);
            List<Double> totals = new ArrayList<>();
            Map<String, List<Double>> bySource = new TreeMap<>();
            for (int run = 1; run <= runs; run++) {
                long t0 = System.nanoTime();
                String body = benchmark.get("/metrics").body();
                double millis = (System.nanoTime() - t0) / 1e6;
                totals.add(millis);
                Matcher m = SOURCE_SECONDS.matcher(body);
                StringBuilder sources = new StringBuilder();
                while (m.find()) {
                    double sourceMillis = Double.parseDouble(m.group(2)) * 1000;
                    bySource.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(sourceMillis);
                    sources.append(String.format(", %s %.1f ms", m.group(1), sourceMillis));
                }
                out.printf("scrape %d: %.1f ms, %,d bytes, %,d samples%s%n", run, millis, body.length(),
                        body.lines().filter(l -> !l.startsWith("#")).count(), sources);
            }
            out.printf("scrape: median %.1f ms, p90 %.1f ms, max %.1f ms over %d scrapes%n", quantile(totals, 0.5),
                    quantile(totals, 0.9), quantile(totals, 1.0), runs);
            bySource.forEach((source, millis) -> out.printf("  %s: median %.1f ms, max %.1f ms%n", source,
                    quantile(millis, 0.5), quantile(millis, 1.0)));
        }
    }

    private long produce(Duration simulated, double scale, String topicPrefix) {
        SimulationSettings settings = SimulationSettings.builder().pace(Pace.FAST).volumeScale(scale)
                .start(Instant.now().minus(simulated).truncatedTo(ChronoUnit.SECONDS)).stopAfter(simulated).build();
        try (KafkaEventSink sink = KafkaEventSink.create(Map.of("bootstrap.servers", demo.bootstrapServers(),
                "schema.registry.url", demo.registryUrl()), topicPrefix)) {
            return SimulationRunner.run(settings, sink);
        }
    }

    /** Until every produced event is read and no topic, input or repartition, has records left to process. */
    private void awaitCaughtUp(long produced) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (ingested() < produced || LAG.matcher(get("/metrics").body()).results()
                .anyMatch(r -> Double.parseDouble(r.group(1)) > 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not caught up with " + produced + " events within " + CATCH_UP);
            }
            Thread.sleep(2000);
        }
    }

    private long ingested() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/v1/ingest/topics");
        if (r.statusCode() != 200) {
            return 0;
        }
        JsonNode rows = JSON.readTree(r.body());
        return StreamSupport.stream(rows.spliterator(), false).mapToLong(row -> row.get("events").asLong()).sum();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + demo.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Nearest-rank quantile. */
    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
