package io.vocstream.app;

import io.vocstream.config.AppConfig;
import io.vocstream.config.ConfigException;
import io.vocstream.config.Settings;
import io.vocstream.producers.sim.Pace;
import io.vocstream.producers.sim.SimulationRunner;
import io.vocstream.producers.sim.SimulationSettings;
import io.vocstream.producers.sink.KafkaEventSink;
import io.vocstream.registry.EmbeddedSchemaRegistry;
import io.vocstream.runtime.EmbeddedKafka;
import io.vocstream.runtime.FreePorts;
import io.vocstream.schemas.Topics;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real single-node Kafka broker, the schema registry, the vocstream application and the
 * simulator feeding it in real time, all in this process, with every piece of data under one data directory.
 */
public final class Demo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Demo.class);

    /**
     * @param settings further application settings (time.zone, topic.prefix, ...) as for {@code run}
     * @param seed     the simulator's seed; {@code null} for its default
     */
    public record Options(Path dataDir, int httpPort, int kafkaPort, int registryPort, boolean simulate, Long seed,
                          double volumeScale, Map<String, String> settings) {
    }

    /** What is running, stopped in reverse order of start. */
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private EmbeddedKafka kafka;
    private EmbeddedSchemaRegistry registry;
    private VocstreamApp app;
    private AppConfig config;

    private Demo() {
    }

    public static Demo start(Options options) {
        requireFree(options.httpPort(), "--http-port");
        requireFree(options.kafkaPort(), "--kafka-port");
        requireFree(options.registryPort(), "--registry-port");
        Demo demo = new Demo();
        try {
            demo.startAll(options);
            return demo;
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    private void startAll(Options options) {
        kafka = started(EmbeddedKafka.start(options.dataDir(), options.kafkaPort()));
        Map<String, String> raw = new LinkedHashMap<>(options.settings());
        raw.put(AppConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        raw.put(AppConfig.HTTP_PORT, String.valueOf(options.httpPort()));
        raw.put(AppConfig.DATA_DIR, options.dataDir().toString());
        String prefix = raw.getOrDefault(AppConfig.TOPIC_PREFIX, "");
        registry = started(EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                prefix + Topics.SCHEMAS, (short) 1, "127.0.0.1", options.registryPort()));
        raw.put(AppConfig.SCHEMA_REGISTRY_URL, registry.url());
        config = AppConfig.from(Settings.of(raw, "demo"));
        app = started(VocstreamApp.start(config));
        if (options.simulate()) {
            startSimulator(options, config);
        }
    }

    private void startSimulator(Options options, AppConfig config) {
        RestSchemaRegistryClient registryClient = started(new RestSchemaRegistryClient(
                RegistryClientConfig.fromProperties(config.registryClientProperties())));
        SimulationSettings.Builder settings = SimulationSettings.builder()
                .pace(Pace.REALTIME)
                .volumeScale(options.volumeScale())
                .zone(config.timeZone());
        if (options.seed() != null) {
            settings.seed(options.seed());
        }
        KafkaEventSink sink = new KafkaEventSink(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                registryClient, config.topicPrefix());
        started(SimulationRunner.startInBackground(settings.build(), sink));
    }

    private <T extends AutoCloseable> T started(T part) {
        running.push(part);
        return part;
    }

    private static void requireFree(int port, String option) {
        if (port != 0 && !FreePorts.isFree(port)) {
            throw new ConfigException("port " + port + " is already in use (" + option + "): stop what listens "
                    + "there, or choose another port with " + option);
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public int httpPort() {
        return app.httpPort();
    }

    /** The application id, which is also the consumer group of its input topics. */
    public String applicationId() {
        return config.applicationId();
    }

    public String httpScheme() {
        return app.httpScheme();
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("error while stopping {}", part.getClass().getSimpleName(), e);
            }
        }
    }
}
