package io.vocstream.metrics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import io.vocstream.producers.ProducerCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docker-compose.yml and the Dockerfile, read as docker compose reads them. */
class ComposeFileTest {
    private static final Set<String> SERVICES =
            Set.of("kafka", "schema-registry", "app", "simulator", "prometheus", "alertmanager", "grafana");
    /** name:tag or name@digest, the tag not "latest". */
    private static final Pattern PINNED = Pattern.compile("[^:@\\s]+(:(?!latest$)[\\w][\\w.-]*|@sha256:[0-9a-f]{64})");
    /** ${NAME:-default}: the value compose uses when the variable is not set. */
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{(\\w+):-([^}]*)}");

    private static JsonNode services() {
        return RepoFiles.yaml("docker-compose.yml").path("services");
    }

    @Test
    @DisplayName("the compose file parses and runs the whole stack")
    void theWholeStack() {
        Set<String> names = new TreeSet<>();
        services().fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(SERVICES), names);
    }

    @Test
    @DisplayName("every service's image is pinned to a tag other than latest, and so is the Dockerfile's base")
    void imagesArePinned() throws Exception {
        services().fields().forEachRemaining(e -> {
            String image = e.getValue().path("image").asText();
            assertFalse(image.isEmpty(), e.getKey() + " names no image");
            assertTrue(PINNED.matcher(image).matches(), e.getKey() + ": image '" + image + "' is not pinned");
        });
        List<String> from = Files.readAllLines(RepoFiles.root().resolve("Dockerfile")).stream()
                .filter(l -> l.startsWith("FROM ")).toList();
        assertFalse(from.isEmpty());
        from.forEach(l -> assertTrue(PINNED.matcher(l.substring(5).trim().split("\\s+")[0]).matches(), l));
        String plugins = services().path("grafana").path("environment").path("GF_INSTALL_PLUGINS").asText();
        assertTrue(plugins.matches("yesoreyeram-infinity-datasource \\d+\\.\\d+\\.\\d+"), plugins);
    }

    @Test
    @DisplayName("the services that serve have a health check, and what starts after them waits for it")
    void healthChecks() {
        services().fields().forEachRemaining(e -> {
            if (!e.getKey().equals("simulator")) {
                assertTrue(e.getValue().path("healthcheck").path("test").size() > 0, e.getKey() + " has no health check");
            }
            e.getValue().path("depends_on").fields().forEachRemaining(dep -> {
                assertTrue(SERVICES.contains(dep.getKey()), e.getKey() + " depends on unknown " + dep.getKey());
                if (dep.getValue().path("condition").asText().equals("service_healthy")) {
                    assertTrue(services().path(dep.getKey()).has("healthcheck"), dep.getKey());
                }
            });
        });
    }

    @Test
    @DisplayName("named volumes are declared, mounted directories exist, ports are published on localhost only")
    void volumesAndPorts() {
        JsonNode compose = RepoFiles.yaml("docker-compose.yml");
        services().fields().forEachRemaining(e -> {
            e.getValue().path("volumes").forEach(v -> {
                String source = v.asText().split(":")[0];
                if (source.startsWith("./")) {
                    assertTrue(Files.isDirectory(RepoFiles.root().resolve(source)), e.getKey() + ": " + source);
                } else {
                    assertTrue(compose.path("volumes").has(source), e.getKey() + ": volume " + source + " undeclared");
                }
            });
            e.getValue().path("ports").forEach(p -> assertTrue(p.asText().startsWith("127.0.0.1:"),
                    e.getKey() + " publishes " + p.asText() + " beyond this machine"));
        });
        assertTrue(services().path("app").path("volumes").toString().contains("app-data:/var/lib/vocstream"),
                "the application's state survives a restart");
    }

    @Test
    @DisplayName("the app's environment is a valid configuration, with the broker and registry of the stack")
    void appEnvironmentIsAValidConfiguration() {
        Map<String, String> env = new LinkedHashMap<>();
        services().path("app").path("environment").fields().forEachRemaining(e ->
                env.put(e.getKey(), withDefaults(e.getValue().asText())));
        AppConfig config = AppConfig.from(Settings.load(env, Optional.empty(), Map.of()));
        assertEquals("kafka:9092", config.bootstrapServers());
        assertEquals("http://schema-registry:8081", config.schemaRegistryUrl());
        assertEquals("app", config.advertisedHost());
        assertEquals(Path.of("/var/lib/vocstream"), config.dataDir());
        assertEquals(20, MetricsConfig.from(config).top());
        assertEquals("run", services().path("app").path("command").get(0).asText());
    }

    @Test
    @DisplayName("the simulator's command line is one the producers' CLI accepts")
    void simulatorCommandParses() {
        List<String> args = new ArrayList<>();
        services().path("simulator").path("command").forEach(a -> args.add(withDefaults(a.asText())));
        assertEquals("simulate", args.get(0));
        // as ProducerCli.main sets it up: enum values in any case
        CommandLine.ParseResult parsed = assertDoesNotThrow(() -> new CommandLine(new ProducerCli())
                .setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new)));
        assertTrue(parsed.hasSubcommand());
        assertEquals("kafka:9092", parsed.subcommand().matchedOptionValue("--bootstrap-servers", ""));
        assertTrue(services().path("simulator").path("entrypoint").toString().contains("vocstream-producers.jar"));
    }

    private static String withDefaults(String value) {
        Matcher m = DEFAULTED.matcher(value);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(2)));
    }
}
