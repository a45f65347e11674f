package io.vocstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpServer;
import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import io.vocstream.events.ContactEvent;
import io.vocstream.schemas.registry.RegistryClientConfig;
import io.vocstream.schemas.registry.RestSchemaRegistryClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Kafka's security settings ({@code kafka.} + security.protocol, sasl.*, ssl.*) reach every Kafka client of the
 * application, and the registry's basic auth and TLS settings reach its registry client, as the environment
 * variables of a deployment set them.
 */
class ClientSecurityPassThroughTest {
    private static final Map<String, String> KAFKA_SECURITY = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"vocstream\" password=\"kafka-secret\";",
            "ssl.truststore.location", "/etc/vocstream/kafka-truststore.p12",
            "ssl.truststore.password", "truststore-secret",
            "ssl.truststore.type", "PKCS12",
            "ssl.endpoint.identification.algorithm", "https");

    private static AppConfig config(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("VOCSTREAM_BOOTSTRAP_SERVERS", "kafka-1:9093");
        env.putIfAbsent("VOCSTREAM_SCHEMA_REGISTRY_URL", "https://registry:8081");
        return AppConfig.from(Settings.load(env, Optional.empty(), Map.of()));
    }

    @Test
    @DisplayName("kafka.* settings from the environment reach the main, restore and global consumers, the producer "
            + "and the admin client of Kafka Streams")
    void kafkaSecurityReachesEveryClient() {
        Map<String, String> env = new HashMap<>();
        KAFKA_SECURITY.forEach((key, value) -> env.put("VOCSTREAM_KAFKA_" + key.toUpperCase().replace('.', '_'),
                value));
        StreamsConfig streams = new StreamsConfig(VocstreamApp.streamsProperties(config(env),
                new HostInfo("localhost", 7070)));

        List<Map<String, Object>> clients = List.of(
                streams.getMainConsumerConfigs("vocstream", "consumer", 0),
                streams.getRestoreConsumerConfigs("restore"),
                streams.getGlobalConsumerConfigs("global"),
                streams.getProducerConfigs("producer"),
                streams.getAdminConfigs("admin"));
        for (Map<String, Object> client : clients) {
            KAFKA_SECURITY.forEach((key, value) -> assertEquals(value, String.valueOf(client.get(key)), key));
        }
    }

    @Test
    @DisplayName("registry basic auth from the environment is sent with every request of the application's client")
    void registryBasicAuthReachesTheClient() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/schemas/ids/1", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"schema\":" + TextNode.valueOf(ContactEvent.getClassSchema().toString()) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
        try {
            AppConfig config = config(Map.of(
                    "VOCSTREAM_SCHEMA_REGISTRY_URL", "http://127.0.0.1:" + registry.getAddress().getPort(),
                    "VOCSTREAM_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
                    "VOCSTREAM_BASIC_AUTH_USER_INFO", "vocstream:registry-secret"));
            try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                    RegistryClientConfig.fromProperties(config.registryClientProperties()))) {
                assertEquals(ContactEvent.getClassSchema(), client.schemaById(1));
            }
        } finally {
            registry.stop(0);
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                "vocstream:registry-secret".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(expected), authorizations);
    }

    @Test
    @DisplayName("registry TLS settings from the environment reach the registry client's configuration")
    void registryTlsReachesTheClient() {
        AppConfig config = config(Map.of(
                "VOCSTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/nonexistent/registry-truststore.p12",
                "VOCSTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", "truststore-secret",
                "VOCSTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE", "PKCS12"));
        assertEquals("PKCS12", config.registryClientProperties().get("schema.registry.ssl.truststore.type"));

        // the client opens the trust store it was given: this one does not exist, and the error names the setting
        ConfigException e = assertThrows(ConfigException.class,
                () -> RegistryClientConfig.fromProperties(config.registryClientProperties()));
        assertTrue(e.getMessage().contains("schema.registry.ssl.truststore.location"), e.getMessage());
        assertTrue(e.getMessage().contains("/nonexistent/registry-truststore.p12"), e.getMessage());
    }
}
