package io.vocstream.bench;

import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import io.vocstream.producers.sim.Pace;
import io.vocstream.producers.sim.SimulationRunner;
import io.vocstream.producers.sim.SimulationSettings;
import io.vocstream.producers.sink.DiscardingEventSink;
import io.vocstream.producers.sink.EventSink;
import io.vocstream.producers.sink.KafkaEventSink;
import io.vocstream.registry.EmbeddedSchemaRegistry;
import io.vocstream.runtime.EmbeddedKafka;
import io.vocstream.runtime.TopicProvisioner;
import io.vocstream.schemas.Topics;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vocstream benchmark}: the reproducible throughput measurement of docs/BENCHMARKS.md. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Measure catch-up throughput on the embedded broker: pre-produce a simulated workload (fixed "
                + "seed), then time, per run, a baseline consumer that only reads and Avro-decodes it and the whole "
                + "application catching up from the start. Prints each run and the median and range."})
public final class BenchmarkCommand implements Callable<Integer> {
    /**
     * How long before the benchmark starts its workload's last event falls: the application refuses events more than
     * minutes ahead of its clock.
     */
    private static final Duration WORKLOAD_ENDS_BEFORE_NOW = Duration.ofMinutes(10);
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    @Option(names = "--events", defaultValue = "10000000", description = "Events to pre-produce (default ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "7", description = "Simulator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data-dir", defaultValue = "target/benchmark",
            description = "Scratch directory, emptied first (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--alert-latency", description = "Measure instead how long the complaint that tips a dimension "
            + "over its spike threshold takes to become an OPEN alert, on the alerts topic and over HTTP: --runs "
            + "dimensions, one after the other (AlertLatencyBenchmark).")
    boolean alertLatency;

    @Option(names = "--freshness", description = "Measure instead how long an event takes to show over HTTP while "
            + "the application keeps up with --rate events/s of the simulator's workload: probe survey responses and "
            + "contacts, each in a slice of its own, written every 250 ms for --duration (FreshnessBenchmark).")
    boolean freshness;

    @Option(names = "--rate", defaultValue = "5000",
            description = "Steady load of --freshness, events/s (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", defaultValue = "PT60S",
            description = "How long --freshness probes (after --warm-up) or --queries sends requests "
                    + "(default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warm-up", defaultValue = "PT150S",
            description = "How long --freshness probes without measuring first, once the application keeps up with "
                    + "the load: a fresh JVM compiles for its first minutes, and about three minutes after its start "
                    + "had ten seconds of slow probes once per run (default ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(names = "--queries", description = "Measure instead the latency of the main endpoints at "
            + "--request-rate requests/s for --duration, sent by a separate process, with a realistic state "
            + "(QueryBenchmark).")
    boolean queries;

    @Option(names = "--request-rate", defaultValue = "500",
            description = "Request rate of --queries, requests/s (default ${DEFAULT-VALUE}).")
    double requestRate;

    @Option(names = "--metrics-scrape", description = "Measure instead how long a /metrics scrape takes once the "
            + "application has caught up with --simulated of the simulator's events up to now at --scale and the "
            + "state of many slices of --queries: --runs scrapes, one after the other (MetricsScrapeBenchmark).")
    boolean metricsScrape;

    @Option(names = "--simulated", defaultValue = "PT24H",
            description = "Simulated time fed before --metrics-scrape measures (default ${DEFAULT-VALUE}).")
    Duration simulated;

    @Option(names = "--scale", defaultValue = "1.0",
            description = "Simulator volume scale for --metrics-scrape (default ${DEFAULT-VALUE}, the demo's).")
    double scale;

    @Option(names = "--recovery", description = "Measure instead how long an instance takes to serve again with the "
            + "state of --events events: 'vocstream run' in a child process processes them, then per run is killed "
            + "(SIGKILL) and relaunched, and stopped (SIGTERM) and relaunched, with dynamic and with static group "
            + "membership (RecoveryBenchmark).")
    boolean recovery;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
            description = "Application settings for the measured runs, e.g. -D processing.guarantee=at_least_once.")
    Map<String, String> settings = new HashMap<>();

    @Override
    public Integer call() throws Exception {
        ThroughputBenchmark.deleteRecursively(dataDir);
        if (alertLatency) {
            AlertLatencyBenchmark.run(dataDir, runs, settings, System.out);
            return 0;
        }
        if (queries) {
            QueryBenchmark.run(dataDir, requestRate, duration, seed, settings, System.out);
            return 0;
        }
        if (freshness) {
            FreshnessBenchmark.run(dataDir, rate, warmUp, duration, seed, settings, System.out);
            return 0;
        }
        if (metricsScrape) {
            MetricsScrapeBenchmark.run(dataDir, simulated, scale, runs, seed, settings, System.out);
            return 0;
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                     Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.SCHEMAS, (short) 1, "127.0.0.1", 0);
             RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                     RegistryClientConfig.fromProperties(Map.of("schema.registry.url", registry.url())));
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            AppConfig base = config(kafka, registry, 0);
            TopicProvisioner.ensureTopics(admin, base);
            produce(kafka, client);
            InputOffsets inputs = new InputOffsets(admin, "");
            if (recovery) {
                Map<String, String> cluster = new HashMap<>(settings);
                cluster.put(AppConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
                cluster.put(AppConfig.SCHEMA_REGISTRY_URL, registry.url());
                new RecoveryBenchmark(dataDir, cluster, inputs, System.out).run(runs);
                return 0;
            }
            ThroughputBenchmark benchmark = new ThroughputBenchmark(kafka.bootstrapServers(), client, inputs);
            System.out.printf("%,d events in the input topics; %s, %d stream threads%n", benchmark.events(),
                    base.processingGuarantee(), base.streamThreads());
            List<Double> baseline = new ArrayList<>();
            List<Double> app = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                baseline.add(benchmark.baseline());
                System.out.printf("run %d: baseline %,.0f events/s%n", run, baseline.get(run - 1));
                app.add(benchmark.application(config(kafka, registry, run), System.out));
                System.out.printf("run %d: baseline %,.0f events/s, application %,.0f events/s, ratio %.3f%n", run,
                        baseline.get(run - 1), app.get(run - 1), app.get(run - 1) / baseline.get(run - 1));
            }
            System.out.printf("median: baseline %,.0f events/s (%,.0f-%,.0f), application %,.0f events/s "
                            + "(%,.0f-%,.0f), ratio %.3f%n", median(baseline), min(baseline), max(baseline),
                    median(app), min(app), max(app), median(app) / median(baseline));
            ThroughputBenchmark.Recovery recovery = benchmark.recovery(config(kafka, registry, runs));
            System.out.printf("restart to RUNNING on the state of run %d: %.1f s with its local state, %.1f s restoring "
                            + "every store from its changelog%n", runs, recovery.withLocalStateSeconds(),
                    recovery.fromChangelogsSeconds());
            System.out.println("peak resident set size of the benchmark process (broker, registry, application): "
                    + ThroughputBenchmark.peakResidentSetSize());
        }
        return 0;
    }

    /**
     * A realistic mixed workload: the simulator as fast as it goes from 00:00 UTC 14 days ago (fixed seed: the same
     * events on the same weekday), moved forward in time by whole quarter hours so that its history ends just before
     * now, like the topics that a first deployment or an instance back from an outage catches up on. How far is found
     * by generating the events once without publishing them (about a million a second).
     */
    private void produce(EmbeddedKafka kafka, RestSchemaRegistryClient client) {
        Instant start = Instant.now().minus(Duration.ofDays(14)).truncatedTo(ChronoUnit.DAYS);
        SimulationRunner dryRun = SimulationRunner.create(simulation(start).build(), new DiscardingEventSink());
        try (dryRun) {
            dryRun.runToCompletion();
        }
        Duration toEnd = Duration.between(dryRun.progress().latestEventTime(),
                Instant.now().minus(WORKLOAD_ENDS_BEFORE_NOW));
        // back in time too, for a workload longer than the 14 days
        Duration shift = QUARTER_HOUR.multipliedBy(Math.floorDiv(toEnd.toMillis(), QUARTER_HOUR.toMillis()));
        long started = System.nanoTime();
        SimulationSettings settings = simulation(start)
                .progress(Duration.ofSeconds(10), report -> System.out.println("producing: " + report.summary()))
                .build();
        EventSink kafkaSink = new KafkaEventSink(Map.of("bootstrap.servers", kafka.bootstrapServers()), client, "");
        SimulationRunner runner = SimulationRunner.create(settings, new TimeShiftingEventSink(kafkaSink, shift));
        try (runner) {
            runner.runToCompletion();
        }
        Instant last = runner.progress().latestEventTime().plus(shift);
        System.out.printf("produced %,d events in %.1f s, event times %s to %s%n", runner.eventsPublished(),
                (System.nanoTime() - started) / 1e9, start.plus(shift), last);
    }

    private SimulationSettings.Builder simulation(Instant start) {
        return SimulationSettings.builder().seed(seed).pace(Pace.FAST).start(start).maxEvents(events);
    }

    private AppConfig config(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, int run) {
        Map<String, String> raw = new HashMap<>(settings);
        raw.put(AppConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        raw.put(AppConfig.SCHEMA_REGISTRY_URL, registry.url());
        raw.put(AppConfig.APPLICATION_ID, "vocstream-benchmark-" + run);
        raw.put(AppConfig.DATA_DIR, dataDir.resolve("run-" + run).toString());
        return AppConfig.from(Settings.of(raw, "benchmark"));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
