package io.vocstream.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vocstream demo}: everything embedded, fed by the simulator in real time. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the embedded default: a real single-node Kafka broker (KRaft), a Confluent-compatible "
                + "schema registry, the vocstream application, its HTTP server and the event simulator, all in this "
                + "process. Data is kept under the data directory and survives a restart. Ctrl-C stops it."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "7070",
            description = "HTTP port of the wallboard, API and metrics (default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the broker's log, the registry's schemas and the application state live "
                    + "(default ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of the embedded broker, for your own producers and consumers (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Port of the embedded schema registry (default ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--no-simulator", description = "Do not start the simulator; feed your own events.")
    boolean noSimulator;

    @Option(names = "--seed", paramLabel = "N", description = "Simulator seed (default 42: the same customers on every start; event ids never repeat).")
    Long seed;

    @Option(names = "--scale", paramLabel = "X", defaultValue = "1.0",
            description = "Simulated volume relative to the default (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
            description = "Any application setting, e.g. -D time.zone=Europe/Berlin (see the README).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        Demo demo = Demo.start(new Demo.Options(dataDir, httpPort, kafkaPort, registryPort, !noSimulator, seed, scale,
                settings));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "vocstream-shutdown"));
        String http = demo.httpScheme() + "://localhost:" + demo.httpPort();
        System.out.printf("""
                vocstream demo is running (data in %s):
                  wallboard        %s/
                  JSON API         %s/api/v1/openapi.json
                  metrics          %s/metrics
                  Kafka            %s
                  schema registry  %s
                %s
                Ctrl-C to stop.
                """, dataDir.toAbsolutePath(), http, http, http, demo.bootstrapServers(), demo.registryUrl(),
                !noSimulator ? "The simulator is feeding events in real time." : "No simulator: feed your own events.");
        stopped.await();
        return 0;
    }
}
