package io.vocstream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
    private static final Map<String, String> MINIMAL = Map.of(
            "VOCSTREAM_BOOTSTRAP_SERVERS", "kafka:9092",
            "VOCSTREAM_SCHEMA_REGISTRY_URL", "http://registry:8081");

    @Test
    @DisplayName("defaults apply when only the two required settings are given")
    void defaults() {
        AppConfig c = AppConfig.from(Settings.load(MINIMAL, Optional.empty(), Map.of()));
        assertEquals("kafka:9092", c.bootstrapServers());
        assertEquals("http://registry:8081", c.schemaRegistryUrl());
        assertEquals(7070, c.httpPort());
        assertEquals("exactly_once_v2", c.processingGuarantee());
        assertEquals("", c.topicPrefix());
        assertEquals(ZoneId.of("UTC"), c.timeZone());
        assertEquals(Path.of("data").resolve("streams"), c.stateDir());
    }

    @Test
    @DisplayName("options win over the environment, which wins over the properties file")
    void precedence(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vocstream.properties");
        Files.writeString(file, "http.port=7001\ntopic.prefix=file.\ntime.zone=Europe/Berlin\n");
        Map<String, String> env = new java.util.HashMap<>(MINIMAL);
        env.put("VOCSTREAM_HTTP_PORT", "7002");
        env.put("VOCSTREAM_TOPIC_PREFIX", "env.");
        AppConfig c = AppConfig.from(Settings.load(env, Optional.of(file), Map.of("http.port", "7003")));
        assertEquals(7003, c.httpPort());
        assertEquals("env.", c.topicPrefix());
        assertEquals(ZoneId.of("Europe/Berlin"), c.timeZone());
        assertEquals("env.contact-events", c.topic("contact-events"));
    }

    @Test
    @DisplayName("Kafka client and registry client settings pass through")
    void passThrough() {
        Map<String, String> env = new java.util.HashMap<>(MINIMAL);
        env.put("VOCSTREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        AppConfig c = AppConfig.from(Settings.load(env, Optional.empty(),
                Map.of("basic.auth.user.info", "u:p", "basic.auth.credentials.source", "USER_INFO")));
        assertEquals("SASL_SSL", c.kafkaClientProperties().get("security.protocol"));
        assertEquals("u:p", c.registryClientProperties().get("basic.auth.user.info"));
        assertEquals("http://registry:8081", c.registryClientProperties().get("schema.registry.url"));
    }

    @Test
    @DisplayName("a missing required setting names it and every way to set it")
    void missingRequired() {
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(
                Settings.load(Map.of("VOCSTREAM_SCHEMA_REGISTRY_URL", "http://r:8081"), Optional.empty(), Map.of())));
        assertTrue(e.getMessage().contains("'bootstrap.servers'"), e.getMessage());
        assertTrue(e.getMessage().contains("VOCSTREAM_BOOTSTRAP_SERVERS"), e.getMessage());
    }

    @Test
    @DisplayName("a wrong value names the setting, where it came from, what is expected and what was given")
    void wrongValues() {
        assertMessage(Map.of("VOCSTREAM_HTTP_PORT", "seventy"),
                "setting 'http.port' (from environment VOCSTREAM_HTTP_PORT) must be an integer between 0 and 65535, got 'seventy'");
        assertMessage(Map.of("VOCSTREAM_HTTP_PORT", "70000"), "must be between 0 and 65535");
        assertMessage(Map.of("VOCSTREAM_PROCESSING_GUARANTEE", "exactly_once"),
                "setting 'processing.guarantee' (from environment VOCSTREAM_PROCESSING_GUARANTEE) must be exactly_once_v2 or at_least_once");
        assertMessage(Map.of("VOCSTREAM_TIME_ZONE", "Mars/Olympus"), "setting 'time.zone'");
        assertMessage(Map.of("VOCSTREAM_BOOTSTRAP_SERVERS", "kafka"), "setting 'bootstrap.servers'");
        assertMessage(Map.of("VOCSTREAM_SCHEMA_REGISTRY_URL", "registry:8081"), "setting 'schema.registry.url'");
        assertMessage(Map.of("VOCSTREAM_TOPICS_RETENTION_MS", "0"), "setting 'topics.retention.ms'");
    }

    private static void assertMessage(Map<String, String> override, String expected) {
        Map<String, String> env = new java.util.HashMap<>(MINIMAL);
        env.putAll(override);
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.from(Settings.load(env, Optional.empty(), Map.of())));
        assertTrue(e.getMessage().contains(expected), () -> "message was: " + e.getMessage());
    }
}
