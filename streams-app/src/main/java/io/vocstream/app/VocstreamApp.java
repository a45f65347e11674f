package io.vocstream.app;

import io.prometheus.client.hotspot.DefaultExports;
import io.vocstream.alerts.AlertRoutes;
import io.vocstream.complaints.ComplaintRoutes;
import io.vocstream.config.AppConfig;
import io.vocstream.contactcenter.ContactCenterRoutes;
import io.vocstream.http.ApiServer;
import io.vocstream.http.HttpSecurity;
import io.vocstream.ingest.IngestRoutes;
import io.vocstream.metrics.VocstreamMetrics;
import io.vocstream.query.AnswerCache;
import io.vocstream.query.InstanceRouter;
import io.vocstream.repair.RepairRoutes;
import io.vocstream.runtime.FreePorts;
import io.vocstream.runtime.TopicProvisioner;
import io.vocstream.satisfaction.SatisfactionRoutes;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import io.vocstream.streams.BoundedStateMemory;
import io.vocstream.streams.DeadLetterDeserializationHandler;
import io.vocstream.streams.DeadLetterProcessingHandler;
import io.vocstream.streams.EventSerdes;
import io.vocstream.wallboard.WallboardRoutes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running vocstream instance: the Kafka Streams application with every capability's topology, and the HTTP
 * server that answers from its state (and from the other instances of the same application id).
 */
public final class VocstreamApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VocstreamApp.class);
    /** Milliseconds between commits unless kafka.commit.interval.ms says otherwise. */
    static final long DEFAULT_COMMIT_INTERVAL_MS = 1_000;
    /** The producer's batch size unless kafka.batch.size or kafka.producer.batch.size says otherwise. */
    static final int DEFAULT_PRODUCER_BATCH_BYTES = 256 * 1024;

    private final KafkaStreams streams;
    private final ApiServer http;
    private final boolean tls;
    private final RestSchemaRegistryClient registry;

    private VocstreamApp(KafkaStreams streams, ApiServer http, boolean tls, RestSchemaRegistryClient registry) {
        this.streams = streams;
        this.http = http;
        this.tls = tls;
        this.registry = registry;
    }

    public static VocstreamApp start(AppConfig config) {
        HttpSecurity security = HttpSecurity.from(config.settings());
        DefaultExports.initialize();
        if (config.createTopics()) {
            try (Admin admin = Admin.create(adminProperties(config))) {
                TopicProvisioner.ensureTopics(admin, config);
            }
        }
        int httpPort = config.httpPort() == 0 ? FreePorts.pick() : config.httpPort();
        HostInfo self = new HostInfo(config.advertisedHost(), httpPort);
        RestSchemaRegistryClient registry =
                new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(config.registryClientProperties()));
        EventSerdes serdes = new EventSerdes(registry, config.registryClientProperties());
        KafkaStreams streams = new KafkaStreams(
                VocstreamTopology.build(config, serdes), streamsProperties(config, self));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        InstanceRouter router = new InstanceRouter(streams, self, ApiServer.jsonMapper(), security.peerClient(),
                AnswerCache.from(config));
        VocstreamMetrics metrics = new VocstreamMetrics(streams, router, config);
        ApiServer http = ApiServer.start(config.httpHost(), httpPort, () -> readiness(streams),
                metrics.registry(), List.of(metrics.httpLatency(), new IngestRoutes(router), new AlertRoutes(router),
                        new ComplaintRoutes(router, config), new SatisfactionRoutes(router, config),
                        new ContactCenterRoutes(router, config), new RepairRoutes(router, config),
                        new WallboardRoutes(self, config, security.peerClient())), security);
        streams.start();
        log.info("vocstream instance {} serving HTTP on port {}", self, http.port());
        return new VocstreamApp(streams, http, security.tls(), registry);
    }

    public int httpPort() {
        return http.port();
    }

    /** {@code https} when the HTTP server serves TLS, else {@code http}. */
    public String httpScheme() {
        return tls ? "https" : "http";
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        http.close();
        // leave the group so that a restarted or remaining instance takes the partitions over at once, instead of
        // after the session timeout
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        registry.close();
    }

    private static Optional<String> readiness(KafkaStreams streams) {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING ? Optional.empty()
                : Optional.of("Kafka Streams is " + state + ", not RUNNING");
    }

    private static Map<String, Object> adminProperties(AppConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
        props.put("bootstrap.servers", config.bootstrapServers());
        return props;
    }

    public static Properties streamsProperties(AppConfig config, HostInfo self) {
        Properties p = new Properties();
        p.putAll(config.kafkaClientProperties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.topicReplicationFactor());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        if (config.stateMemoryMb() > 0) {
            // every RocksDB store of the process in one memory budget, unless the deployment brings its own setter
            p.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedStateMemory.class.getName());
            p.put(BoundedStateMemory.BYTES, (long) config.stateMemoryMb() << 20);
        }
        // one produce request in flight: a transaction's first batch retried after CONCURRENT_TRANSACTIONS must not be
        // overtaken by the next one, which the broker refuses as out of sequence, aborting the transaction
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        // a task does not hold back a buffered record to wait for fetches of its other partitions: every processor
        // takes events in any order across partitions (lateness is judged per partition, linkages wait for either
        // side), and the check it skips is a tenth of a stream thread's time when catching up (a profile, see
        // docs/BENCHMARKS.md). kafka.max.task.idle.ms sets it back.
        p.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        // an exactly-once commit is a transaction with a marker on every partition it wrote, ten times a second per
        // thread at Kafka's default; a second between commits lets the application keep up with a steady load
        // several times higher, and answers stay fresh because bucket reads see deltas published between commits
        // (BucketStore). kafka.commit.interval.ms sets it.
        p.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
        // a commit writes what every store changed since the last one, at once, to a few hundred changelog
        // partitions: in batches of up to 256 KB rather than the producer's 16 KB, a large change is a few batches
        // instead of dozens, each of which costs the producer's sender a pass over all its partitions and the broker
        // an append (a sixth less CPU when catching up, docs/BENCHMARKS.md)
        String batchSize = StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG);
        if (!p.containsKey(ProducerConfig.BATCH_SIZE_CONFIG) && !p.containsKey(batchSize)) {
            p.put(batchSize, DEFAULT_PRODUCER_BATCH_BYTES);
        }
        return p;
    }
}
