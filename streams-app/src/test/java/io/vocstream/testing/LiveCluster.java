package io.vocstream.testing;

import io.vocstream.app.VocstreamApp;
import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import io.vocstream.producers.sink.EventSink;
import io.vocstream.producers.sink.KafkaEventSink;
import io.vocstream.registry.EmbeddedSchemaRegistry;
import io.vocstream.runtime.EmbeddedKafka;
import io.vocstream.runtime.FreePorts;
import io.vocstream.runtime.TopicProvisioner;
import io.vocstream.schemas.Topics;
import io.vocstream.schemas.EventTopic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * A real (embedded) Kafka broker and schema registry in this JVM, shared by several vocstream instances of one
 * application id: in this JVM ({@link #startInstance}) or as child processes ({@link #launchProcess}). Each instance
 * keeps its state in its own directory and serves HTTP on its own port.
 */
public final class LiveCluster implements AutoCloseable {
    private final Path dir;
    private final Map<String, String> settings;
    private final int kafkaPort;
    private EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;

    private LiveCluster(Path dir, Map<String, String> settings, EmbeddedKafka kafka, EmbeddedSchemaRegistry registry,
                        int kafkaPort) {
        this.dir = dir;
        this.settings = settings;
        this.kafka = kafka;
        this.registry = registry;
        this.kafkaPort = kafkaPort;
    }

    /**
     * Starts the broker and the registry under {@code dir} and creates the topics.
     *
     * @param settings application settings every instance gets on top of the defaults
     */
    public static LiveCluster start(Path dir, Map<String, String> settings) {
        int kafkaPort = FreePorts.pick();
        EmbeddedKafka kafka = EmbeddedKafka.start(dir, kafkaPort);
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.SCHEMAS, (short) 1, "127.0.0.1", 0);
        LiveCluster cluster = new LiveCluster(dir, settings, kafka, registry, kafkaPort);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicProvisioner.ensureTopics(admin, cluster.config("topics"));
        }
        return cluster;
    }

    /** The settings of the instance called {@code name}: its own state directory and a free HTTP port. */
    public Map<String, String> instanceSettings(String name) {
        Map<String, String> raw = new LinkedHashMap<>(settings);
        raw.put(AppConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        raw.put(AppConfig.SCHEMA_REGISTRY_URL, registry.url());
        raw.put(AppConfig.DATA_DIR, dir.resolve(name).toString());
        raw.put(AppConfig.HTTP_PORT, String.valueOf(FreePorts.pick()));
        raw.put(AppConfig.HTTP_ADVERTISED_HOST, "127.0.0.1");
        return raw;
    }

    private AppConfig config(String name) {
        return AppConfig.from(Settings.of(instanceSettings(name), "test"));
    }

    /** Starts an instance in this JVM; it serves HTTP at once and processes once Kafka Streams runs. */
    public VocstreamApp startInstance(String name) {
        return VocstreamApp.start(config(name));
    }

    /** Starts an instance as a child process running {@code vocstream run}. */
    public ChildInstance launchProcess(String name) {
        return ChildInstance.launch(instanceSettings(name), dir.resolve(name + ".log"));
    }

    /** A sink into the input topics that publishes as the producers do (closing it flushes). */
    public EventSink eventSink() {
        return KafkaEventSink.create(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "schema.registry.url", registry.url()), "");
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * Waits until the application {@code applicationId} has processed and committed everything in its input and
     * repartition topics: every partition's committed offset at its last stable offset.
     */
    public void awaitProcessed(String applicationId, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<TopicPartition, Long> behind = Map.of();
            while (System.nanoTime() < deadline) {
                behind = behind(admin, applicationId);
                if (behind.isEmpty()) {
                    return;
                }
                Thread.sleep(250);
            }
            throw new AssertionError(applicationId + " has not processed everything within " + within
                    + "; records behind: " + behind);
        }
    }

    /** The partitions the application reads whose committed offset is short of the last stable offset, and by how much. */
    private static Map<TopicPartition, Long> behind(Admin admin, String applicationId) throws Exception {
        Set<String> topics = new HashSet<>();
        for (EventTopic input : EventTopic.values()) {
            topics.add(input.topicName(""));
        }
        admin.listTopics().names().get().stream()
                .filter(topic -> topic.startsWith(applicationId + "-") && topic.endsWith("-repartition"))
                .forEach(topics::add);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> behind = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((partition, end) -> {
                    OffsetAndMetadata c = committed.get(partition);
                    long lag = end.offset() - (c == null ? 0 : c.offset());
                    if (lag > 0) {
                        behind.put(partition, lag);
                    }
                });
        return behind;
    }

    /** Stops the broker and starts it again on the same port with the same log: its clients reconnect. */
    public void restartBroker() {
        kafka.close();
        kafka = EmbeddedKafka.start(dir, kafkaPort);
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
