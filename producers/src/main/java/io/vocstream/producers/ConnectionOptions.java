package io.vocstream.producers;

import io.vocstream.producers.sink.KafkaEventSink;
import io.vocstream.schemas.registry.RegistryClientConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Option;

/** Where to publish: Kafka, the schema registry, the topic prefix, and any client setting passed through. */
final class ConnectionOptions {
    static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers (default: bootstrap.servers from --client-config or -D, else "
                    + DEFAULT_BOOTSTRAP_SERVERS + ").")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL[,...]",
            description = "Schema registry speaking the Confluent REST API (default: schema.registry.url from "
                    + "--client-config or -D, else " + DEFAULT_SCHEMA_REGISTRY_URL + ").")
    String schemaRegistryUrl;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Prefix of the topic names, e.g. 'prod.' for prod.contact-events (default: none).")
    String topicPrefix;

    @Option(names = "--client-config", paramLabel = "FILE",
            description = "Properties file of Kafka producer, serde and schema registry settings (keeps secrets off "
                    + "the command line).")
    Path clientConfig;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "A Kafka producer, serde or schema registry setting, e.g. -Dsecurity.protocol=SASL_SSL, "
                    + "-Dsasl.mechanism=PLAIN, -Dbasic.auth.credentials.source=USER_INFO, "
                    + "-Dbasic.auth.user.info=USER:SECRET, -Dschema.registry.ssl.truststore.location=FILE, "
                    + "-Dlinger.ms=20. Overrides --client-config.")
    Map<String, String> properties = new LinkedHashMap<>();

    /** The merged settings: the file, then -D, then the explicit options, then the defaults for what is unset. */
    Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (clientConfig != null) {
            Properties file = new Properties();
            try (InputStream in = Files.newInputStream(clientConfig)) {
                file.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("--client-config: cannot read " + clientConfig + ": "
                        + e.getMessage(), e);
            }
            file.stringPropertyNames().stream().sorted().forEach(name -> settings.put(name, file.getProperty(name)));
        }
        settings.putAll(properties);
        if (bootstrapServers != null) {
            settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            settings.put(RegistryClientConfig.URL, schemaRegistryUrl);
        }
        settings.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        settings.putIfAbsent(RegistryClientConfig.URL, DEFAULT_SCHEMA_REGISTRY_URL);
        return settings;
    }

    KafkaEventSink openSink() {
        return KafkaEventSink.create(settings(), topicPrefix);
    }
}
