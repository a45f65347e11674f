package io.vocstream.bench;

import io.vocstream.app.VocstreamApp;
import io.vocstream.app.VocstreamTopology;
import io.vocstream.config.AppConfig;
import io.vocstream.schemas.registry.SchemaRegistryClient;
import io.vocstream.schemas.serde.AvroDeserializer;
import io.vocstream.streams.EventSerdes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Catch-up throughput over events already in the input topics: the whole application (every topology, the
 * configured processing guarantee) against a baseline that only reads and Avro-decodes the same records.
 */
final class ThroughputBenchmark {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final SchemaRegistryClient registry;
    private final InputOffsets inputs;
    private final long events;

    ThroughputBenchmark(String bootstrapServers, SchemaRegistryClient registry, InputOffsets inputs)
            throws Exception {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.inputs = inputs;
        this.events = inputs.total();
    }

    long events() {
        return events;
    }

    /** Events per second of a consumer that reads and decodes every input record and does nothing else. */
    double baseline() {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        AvroDeserializer<Object> values = new AvroDeserializer<>(registry);
        values.configure(Map.of("specific.avro.reader", true), false);
        long started = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), values)) {
            consumer.assign(inputs.partitions());
            consumer.seekToBeginning(inputs.partitions());
            while (read < events) {
                ConsumerRecords<String, Object> batch = consumer.poll(Duration.ofMillis(500));
                read += batch.count();
            }
        }
        return perSecond(read, System.nanoTime() - started);
    }

    /**
     * Events per second of the application, from start until its committed offsets reach the end of every input
     * partition, with fresh state under a new application id. Every {@link #PROGRESS_EVERY} it prints to
     * {@code progress} how far it got and its rate since the last line, which shows the steady rate behind the
     * average (the first minute of a run also compiles the hot code).
     */
    double application(AppConfig config, PrintStream progress) throws Exception {
        EventSerdes serdes = new EventSerdes(registry, config.registryClientProperties());
        Properties props = VocstreamApp.streamsProperties(config, new HostInfo("localhost", 0));
        Map<TopicPartition, Long> end = inputs.end();
        long started = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(VocstreamTopology.build(config, serdes), props)) {
            streams.start();
            long reported = started;
            long processedThen = 0;
            for (long behind = events; behind > 0; behind = inputs.behind(config.applicationId(), end)) {
                if (streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException("the application failed during the benchmark");
                }
                long now = System.nanoTime();
                if (now - reported >= PROGRESS_EVERY.toNanos()) {
                    long processed = events - behind;
                    progress.printf("  %s: %,d of %,d events committed after %.0f s, %,.0f events/s in the last %d s%n",
                            config.applicationId(), processed, events, (now - started) / 1e9,
                            perSecond(processed - processedThen, now - reported), PROGRESS_EVERY.toSeconds());
                    reported = now;
                    processedThen = processed;
                }
                Thread.sleep(100);
            }
            long elapsed = System.nanoTime() - started;
            streams.close(Duration.ofSeconds(30));
            return perSecond(events, elapsed);
        }
    }

    /**
     * Seconds from start until the application is RUNNING (every store restored and queryable) on the state a run
     * left: once as it left it, once with the local state deleted, so that every store is restored from its changelog.
     */
    Recovery recovery(AppConfig config) throws Exception {
        double withLocalState = secondsToRunning(config);
        deleteRecursively(config.stateDir());
        double fromChangelogs = secondsToRunning(config);
        return new Recovery(withLocalState, fromChangelogs);
    }

    record Recovery(double withLocalStateSeconds, double fromChangelogsSeconds) {
    }

    private double secondsToRunning(AppConfig config) throws Exception {
        EventSerdes serdes = new EventSerdes(registry, config.registryClientProperties());
        Properties props = VocstreamApp.streamsProperties(config, new HostInfo("localhost", 0));
        long started = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(VocstreamTopology.build(config, serdes), props)) {
            streams.start();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                if (streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException("the application failed to restart");
                }
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            streams.close(Duration.ofSeconds(30));
            return seconds;
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The peak resident set size of this process (broker, registry and application), from /proc. */
    static String peakResidentSetSize() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown (no /proc)";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring("VmHWM:".length()).trim()).findFirst().orElse("unknown");
    }

    private static double perSecond(long count, long nanos) {
        return count / (nanos / 1e9);
    }
}
