package io.vocstream.bench;

import io.vocstream.app.VocstreamCli;
import io.vocstream.config.AppConfig;
import io.vocstream.runtime.FreePorts;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How long an instance with a large state takes to serve again after a crash and after a clean stop. The instance is
 * {@code vocstream run} in a child process, so that a crash is a real SIGKILL: no shutdown hook, no checkpoint, an
 * open transaction left behind. Timed from the relaunch until it serves HTTP ({@code /health}), until Kafka Streams
 * runs with all its state ({@code /ready}) and until a query over that state answers.
 */
final class RecoveryBenchmark {
    private static final String APPLICATION_ID = "vocstream-recovery";
    private static final String QUERY = "/api/v1/ingest/topics";
    private static final Duration PATIENCE = Duration.ofHours(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dataDir;
    private final Map<String, String> settings;
    private final InputOffsets inputs;
    private final PrintStream out;

    /**
     * @param settings application settings of the instance: the cluster's, and any the caller adds
     * @param inputs   where the input topics end, and whether the application has committed that far
     */
    RecoveryBenchmark(Path dataDir, Map<String, String> settings, InputOffsets inputs, PrintStream out) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.inputs = inputs;
        this.out = out;
    }

    /**
     * Lets the instance process every input event, then per run restarts it after SIGKILL and after SIGTERM, first
     * with dynamic group membership (the default), then with static membership ({@code group.instance.id}).
     */
    void run(int runs) throws Exception {
        Map<String, String> dynamic = instanceSettings(Map.of());
        Map<String, String> fixed = instanceSettings(Map.of("kafka.group.instance.id", APPLICATION_ID + "-1"));
        long started = System.nanoTime();
        Instance instance = Instance.launch(dynamic, dataDir.resolve("instance.log"));
        awaitCaughtUp();
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("processed %,d events in %.0f s (%,.0f events/s, start included); state directory %,d MB%n",
                inputs.total(), seconds, inputs.total() / seconds, sizeMb(dataDir.resolve("instance")));
        for (int run = 1; run <= runs; run++) {
            for (Map<String, String> membership : List.of(dynamic, fixed)) {
                String name = membership == dynamic ? "dynamic membership" : "static membership";
                if (membership == fixed) {
                    // the member to be replaced after the crash must have joined with its instance id
                    instance = restart(instance, membership, false, name + ", first start");
                }
                instance = restart(instance, membership, true, name + ", after SIGKILL");
                instance = restart(instance, membership, false, name + ", after SIGTERM");
            }
        }
        instance.stop(false);
    }

    private Map<String, String> instanceSettings(Map<String, String> extra) {
        Map<String, String> instance = new LinkedHashMap<>(settings);
        instance.put(AppConfig.APPLICATION_ID, APPLICATION_ID);
        instance.put(AppConfig.DATA_DIR, dataDir.resolve("instance").toString());
        instance.put(AppConfig.HTTP_PORT, String.valueOf(FreePorts.pick()));
        instance.putAll(extra);
        return instance;
    }

    /** Stops the instance (killing it or as Ctrl-C does), relaunches it and prints how long each step took. */
    private Instance restart(Instance instance, Map<String, String> settings, boolean kill, String what)
            throws Exception {
        instance.stop(kill);
        long relaunched = System.nanoTime();
        Instance next = Instance.launch(settings, dataDir.resolve("instance.log"));
        double health = next.await("/health", relaunched);
        double ready = next.await("/ready", relaunched);
        double answer = next.await(QUERY, relaunched);
        out.printf("%-40s serving HTTP %6.1f s, ready %6.1f s, answering %6.1f s%n", what + ":", health, ready,
                answer);
        return next;
    }

    private void awaitCaughtUp() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long lastReport = System.nanoTime();
        while (!inputs.caughtUp(APPLICATION_ID)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the instance did not process the input within " + PATIENCE);
            }
            if (System.nanoTime() - lastReport > TimeUnit.MINUTES.toNanos(1)) {
                out.printf("processing: %,d events behind%n", inputs.behind(APPLICATION_ID));
                lastReport = System.nanoTime();
            }
            Thread.sleep(1000);
        }
    }

    private static long sizeMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / (1024 * 1024);
        }
    }

    /** {@code vocstream run} in a child JVM on this JVM's class path. */
    private record Instance(Process process, int httpPort) {
        static Instance launch(Map<String, String> settings, Path log) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), VocstreamCli.class.getName(), "run"));
            settings.forEach((key, value) -> command.addAll(List.of("-D", key + "=" + value)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new Instance(process, Integer.parseInt(settings.get(AppConfig.HTTP_PORT)));
        }

        /** Seconds from {@code since} until {@code path} answers 200. */
        double await(String path, long since) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                    .timeout(Duration.ofSeconds(30)).build();
            while (System.nanoTime() - since < PATIENCE.toNanos()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the instance exited with " + process.exitValue());
                }
                try {
                    if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - since) / 1e9;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException(path + " did not answer within " + PATIENCE);
        }

        /** SIGKILL, or SIGTERM as Ctrl-C (the shutdown hook closes the application and writes checkpoints). */
        void stop(boolean kill) throws InterruptedException {
            if (kill) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
            process.waitFor();
        }
    }
}
