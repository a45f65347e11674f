package io.vocstream.producers;

import io.vocstream.producers.replay.JsonLinesSink;
import io.vocstream.producers.sim.Durations;
import io.vocstream.producers.sim.Pace;
import io.vocstream.producers.sim.Scenario;
import io.vocstream.producers.sim.SimulationRunner;
import io.vocstream.producers.sim.SimulationSettings;
import io.vocstream.producers.sink.DiscardingEventSink;
import io.vocstream.producers.sink.EventSink;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code simulate}: runs the simulated utility and publishes its events. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ProducerCli.Version.class,
        description = {
            "Simulates a utility's contact center, IVR, field repair, complaint desk and surveys, and publishes the "
                    + "events to Kafka in Avro (Confluent wire format, schemas registered in the registry).",
            "The same seed and settings with a --start give exactly the same events."},
        footer = {"",
            "Scenarios (--scenario, repeatable; durations as PT10M or 10m):",
            "  outage:region=REGION[,at=OFFSET][,for=DURATION][,factor=N]",
            "      several feeders of the region go dark; its outage contacts, outage work orders and outage",
            "      complaints arrive N times as often (default for=PT20M, factor=8)",
            "  agent-shortage:queue=QUEUE[,at=OFFSET][,for=DURATION][,lost=SHARE]",
            "      the queue loses SHARE of its agents (default for=PT1H, lost=0.5); waits, abandons and",
            "      complaints follow from the queueing",
            "  Regions: metro, west (urban), south, north, east (rural).",
            "  Queues: billing, outages, repairs, sales, moving.",
            "",
            "Examples:",
            "  simulate                                    a live stream, about 20-50 events/s by day",
            "  simulate --pace fast --start 2026-03-02T00:00:00Z --duration P1D \\",
            "           --scenario outage:region=north,at=PT10H",
            "  simulate --pace rate --rate 5000 --max-events 10000000"})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SimulationSettings.DEFAULT_SEED,
            description = "Seed of the run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--pace", paramLabel = "PACE",
            description = "realtime: event times are the wall clock; rate: --rate events per second from --start; "
                    + "fast: as fast as possible from --start (default: realtime, or rate if --rate is given).")
    Pace pace;

    @Option(names = "--rate", paramLabel = "EVENTS_PER_SECOND", description = "Target events per second (pace rate).")
    Double rate;

    @Option(names = "--scale", paramLabel = "FACTOR", defaultValue = "1.0",
            description = "Volume scale: multiplies customer demand, agents and crews (default: ${DEFAULT-VALUE}, "
                    + "about 20-50 events/s by day, 1.6 million events per simulated day).")
    double scale;

    @Option(names = "--start", paramLabel = "TIMESTAMP", converter = InstantConverter.class,
            description = "Simulated start for pace rate or fast, ISO-8601 such as 2026-03-02T00:00:00Z "
                    + "(default: now).")
    Instant start;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of the customers' day: demand curves, shifts and appointment windows "
                    + "(default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this much simulated time, e.g. P1D, PT2H or 90m (default: never).")
    Duration duration;

    @Option(names = "--max-events", paramLabel = "N", description = "Stop after N events (default: never).")
    Long maxEvents;

    @Option(names = "--scenario", paramLabel = "SPEC", converter = ScenarioConverter.class,
            description = "Inject a scenario (see below); repeatable.")
    List<Scenario> scenarios = new ArrayList<>();

    @Option(names = "--progress", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "5s", description = "Interval of progress reports on stderr (default: ${DEFAULT-VALUE}).")
    Duration progress;

    @Option(names = "--dry-run", description = "Generate the events without publishing them (e.g. to measure "
            + "generation speed); no Kafka needed.")
    boolean dryRun;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the events to FILE as JSON Lines in the "
            + "format 'replay' reads ('-' for stdout) instead of publishing them; no Kafka needed.")
    Path output;

    @Override
    public Integer call() {
        SimulationSettings settings = settings();
        PrintWriter err = spec.commandLine().getErr();
        EventSink sink = dryRun ? new DiscardingEventSink() : output != null ? fileSink() : connection.openSink();
        SimulationRunner runner = SimulationRunner.create(settings, sink);
        Thread stopOnSignal = new Thread(runner::close, "vocstream-producers-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            runner.runToCompletion();
        } finally {
            runner.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook has closed the runner
            }
        }
        return 0;
    }

    private EventSink fileSink() {
        if (output.toString().equals("-")) {
            return new JsonLinesSink(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        }
        try {
            return new JsonLinesSink(new BufferedOutputStream(Files.newOutputStream(output)));
        } catch (IOException e) {
            throw new UncheckedIOException("--output: cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    private SimulationSettings settings() {
        if (dryRun && output != null) {
            throw usage("--dry-run and --output exclude each other");
        }
        Pace effectivePace = pace != null ? pace : rate != null ? Pace.RATE : Pace.REALTIME;
        if (rate != null && effectivePace != Pace.RATE) {
            throw usage("--rate applies to --pace rate, not " + name(effectivePace));
        }
        if (effectivePace == Pace.RATE && (rate == null || !(rate > 0))) {
            throw usage("--pace rate needs a positive --rate");
        }
        if (start != null && effectivePace == Pace.REALTIME) {
            throw usage("--start applies to --pace rate or fast; realtime starts now");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw usage("--scale must be a positive number, not " + scale);
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw usage("--duration must be positive, not " + duration);
        }
        if (maxEvents != null && maxEvents <= 0) {
            throw usage("--max-events must be positive, not " + maxEvents);
        }
        if (progress.isZero() || progress.isNegative()) {
            throw usage("--progress must be positive, not " + progress);
        }
        PrintWriter err = spec.commandLine().getErr();
        SimulationSettings.Builder builder = SimulationSettings.builder()
                .seed(seed).pace(effectivePace).volumeScale(scale).start(start).zone(zone).stopAfter(duration)
                .maxEvents(maxEvents == null ? 0 : maxEvents)
                .progress(progress, report -> {
                    err.println(report.summary());
                    err.flush();
                });
        if (rate != null) {
            builder.eventsPerSecond(rate);
        }
        try {
            return builder.scenarios(scenarios).build();
        } catch (IllegalArgumentException e) {
            throw usage("--scenario: " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String name(Pace pace) {
        return pace.name().toLowerCase(Locale.ROOT);
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ScenarioConverter implements ITypeConverter<Scenario> {
        @Override
        public Scenario convert(String value) {
            try {
                return Scenario.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 timestamp with offset, "
                        + "such as 2026-03-02T00:00:00Z or 2026-03-02T00:00:00+01:00");
            }
        }
    }
}
