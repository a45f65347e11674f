package io.vocstream.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The validated settings of one vocstream instance. Every setting is documented in the README's configuration
 * reference; {@link #from(Settings)} turns a wrong value into a {@link ConfigException} that names it.
 *
 * @param kafkaClientProperties client settings passed through to every Kafka client (keys {@code kafka.*} with the
 *                              prefix removed: security.protocol, sasl.*, ssl.*)
 * @param registryClientProperties settings passed through to the schema registry client (keys
 *                              {@code schema.registry.*} and {@code basic.auth.*}, kept whole)
 * @param standbyReplicas       warm copies Kafka Streams keeps of each task's state on other instances
 * @param eventsGrace           how far behind the newest event of its partition an event may arrive and still count
 * @param eventsMaxAge          events dated further back than this are refused as misdated
 * @param settings              the raw settings, from which each capability reads its own ({@code satisfaction.*}, ...)
 */
public record AppConfig(
        String bootstrapServers,
        String schemaRegistryUrl,
        String topicPrefix,
        String applicationId,
        String httpHost,
        int httpPort,
        String advertisedHost,
        Path dataDir,
        String processingGuarantee,
        int streamThreads,
        int standbyReplicas,
        boolean createTopics,
        int topicPartitions,
        short topicReplicationFactor,
        long topicRetentionMillis,
        ZoneId timeZone,
        Duration eventsGrace,
        Duration eventsMaxAge,
        int stateMemoryMb,
        Map<String, String> kafkaClientProperties,
        Map<String, String> registryClientProperties,
        Settings settings) {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String APPLICATION_ID = "application.id";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_ADVERTISED_HOST = "http.advertised.host";
    public static final String DATA_DIR = "data.dir";
    public static final String PROCESSING_GUARANTEE = "processing.guarantee";
    public static final String STREAM_THREADS = "stream.threads";
    public static final String STANDBY_REPLICAS = "standby.replicas";
    public static final String TOPICS_CREATE = "topics.create";
    public static final String TOPICS_PARTITIONS = "topics.partitions";
    public static final String TOPICS_REPLICATION_FACTOR = "topics.replication.factor";
    public static final String TOPICS_RETENTION_MS = "topics.retention.ms";
    public static final String TIME_ZONE = "time.zone";
    public static final String EVENTS_GRACE = "events.grace";
    public static final String EVENTS_MAX_AGE = "events.max.age";
    public static final String STATE_MEMORY_MB = "state.memory.mb";

    private static final Pattern HOST_PORT_LIST = Pattern.compile("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*");
    private static final Pattern APPLICATION_ID_CHARS = Pattern.compile("[A-Za-z0-9._-]+");

    public static AppConfig from(Settings s) {
        String bootstrap = s.required(BOOTSTRAP_SERVERS, "the Kafka bootstrap servers, host:port[,host:port...]");
        if (!HOST_PORT_LIST.matcher(bootstrap).matches()) {
            throw s.invalid(BOOTSTRAP_SERVERS, "a comma-separated list of host:port", null);
        }
        String registry = s.required(SCHEMA_REGISTRY_URL, "the Schema Registry URL, e.g. http://registry:8081");
        for (String url : registry.split(",")) {
            s.parsed(SCHEMA_REGISTRY_URL, null, raw -> requireHttpUrl(url.trim()), "http(s) URLs separated by commas");
        }
        String prefix = s.string(TOPIC_PREFIX, "");
        if (!prefix.isEmpty() && !APPLICATION_ID_CHARS.matcher(prefix).matches()) {
            throw s.invalid(TOPIC_PREFIX, "letters, digits, '.', '_' or '-'", null);
        }
        String applicationId = s.string(APPLICATION_ID, "vocstream");
        if (!APPLICATION_ID_CHARS.matcher(applicationId).matches()) {
            throw s.invalid(APPLICATION_ID, "letters, digits, '.', '_' or '-'", null);
        }
        String guarantee = s.parsed(PROCESSING_GUARANTEE, "exactly_once_v2", raw -> {
            if (!raw.equals("exactly_once_v2") && !raw.equals("at_least_once")) {
                throw new IllegalArgumentException("unknown guarantee");
            }
            return raw;
        }, "exactly_once_v2 or at_least_once");
        Map<String, String> registryClient = new LinkedHashMap<>();
        s.withPrefix("schema.registry.").forEach((k, v) -> registryClient.put("schema.registry." + k, v));
        s.withPrefix("basic.auth.").forEach((k, v) -> registryClient.put("basic.auth." + k, v));
        registryClient.put(SCHEMA_REGISTRY_URL, registry);
        return new AppConfig(
                bootstrap,
                registry,
                prefix,
                applicationId,
                s.string(HTTP_HOST, "0.0.0.0"),
                s.intIn(HTTP_PORT, 7070, 0, 65535),
                s.string(HTTP_ADVERTISED_HOST, "localhost"),
                s.parsed(DATA_DIR, Path.of("data"), Path::of, "a directory path"),
                guarantee,
                s.intIn(STREAM_THREADS, 2, 1, 64),
                s.intIn(STANDBY_REPLICAS, 0, 0, 16),
                s.bool(TOPICS_CREATE, true),
                s.intIn(TOPICS_PARTITIONS, 6, 1, 10_000),
                (short) s.intIn(TOPICS_REPLICATION_FACTOR, 1, 1, 32),
                s.parsed(TOPICS_RETENTION_MS, Duration.ofDays(30).toMillis(), raw -> {
                    long ms = Long.parseLong(raw);
                    if (ms < -1 || ms == 0) {
                        throw new IllegalArgumentException("0 and values below -1 are not retention times");
                    }
                    return ms;
                }, "milliseconds, or -1 to keep events forever"),
                s.parsed(TIME_ZONE, ZoneId.of("UTC"), ZoneId::of, "a time-zone id such as Europe/London or UTC"),
                s.duration(EVENTS_GRACE, Duration.ofHours(1)),
                s.duration(EVENTS_MAX_AGE, Duration.ofDays(400)),
                s.intIn(STATE_MEMORY_MB, 0, 0, 1 << 20),
                Map.copyOf(s.withPrefix("kafka.")),
                Map.copyOf(registryClient),
                s);
    }

    private static URI requireHttpUrl(String raw) {
        URI uri = URI.create(raw);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + raw + "' is not an http(s) URL with a host");
        }
        return uri;
    }

    /** Name of an input or output topic under the configured prefix. */
    public String topic(String baseName) {
        return topicPrefix + baseName;
    }

    /** Where Kafka Streams keeps its local state. */
    public Path stateDir() {
        return dataDir.resolve("streams");
    }
}
