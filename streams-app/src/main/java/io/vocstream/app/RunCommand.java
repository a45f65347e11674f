package io.vocstream.app;

import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Joins a real Kafka cluster and schema registry, configured by options, environment variables and a properties file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run vocstream against a real Kafka cluster and Schema Registry.",
                "Every setting can also come from an environment variable (VOCSTREAM_ + the key in upper case, dots as "
                        + "underscores, e.g. VOCSTREAM_BOOTSTRAP_SERVERS) or a properties file; options win over "
                        + "the environment, which wins over the file. Kafka client settings (security.protocol, sasl.*, "
                        + "ssl.*) take the prefix 'kafka.'; registry client settings keep their Confluent names."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings.")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Schema Registry URL(s), comma-separated.")
    String schemaRegistryUrl;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (default 7070).")
    Integer httpPort;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Local state directory (default ./data).")
    Path dataDir;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Prefix of every topic name (default none).")
    String topicPrefix;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "Any other setting, e.g. -D time.zone=Europe/Berlin.")
    Map<String, String> extra = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = AppConfig.from(Settings.load(System.getenv(), Optional.ofNullable(configFile), overrides()));
        VocstreamApp app = VocstreamApp.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "vocstream-shutdown"));
        System.out.printf("vocstream is running: %s://%s:%d/ (Ctrl-C to stop)%n", app.httpScheme(), config.advertisedHost(),
                app.httpPort());
        stopped.await();
        return 0;
    }

    private Map<String, String> overrides() {
        Map<String, String> o = new LinkedHashMap<>(extra);
        putIfSet(o, AppConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        putIfSet(o, AppConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        putIfSet(o, AppConfig.HTTP_PORT, httpPort);
        putIfSet(o, AppConfig.DATA_DIR, dataDir);
        putIfSet(o, AppConfig.TOPIC_PREFIX, topicPrefix);
        return o;
    }

    static void putIfSet(Map<String, String> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }
}
