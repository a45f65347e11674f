package io.vocstream.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The deployment files at the repository root (docker-compose.yml, grafana/), read as the tools read them. */
final class RepoFiles {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RepoFiles() {
    }

    /** The repository root: the nearest directory up from the working directory holding docker-compose.yml. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml in " + Path.of("").toAbsolutePath()
                + " or any directory above it");
    }

    static JsonNode yaml(String relative) {
        try {
            return YAML.readTree(root().resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(relative + " is not valid YAML", e);
        }
    }

    /** Every dashboard of grafana/dashboards, by file name. */
    static List<Dashboard> dashboards() {
        try (Stream<Path> files = Files.list(root().resolve("grafana/dashboards"))) {
            List<Dashboard> dashboards = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(new Dashboard(file.getFileName().toString(), JSON.readTree(file.toFile())));
            }
            return dashboards;
        } catch (IOException e) {
            throw new UncheckedIOException("a dashboard is not valid JSON", e);
        }
    }

    record Dashboard(String file, JsonNode json) {
        /** Every panel, those inside rows included. */
        List<JsonNode> panels() {
            List<JsonNode> panels = new ArrayList<>();
            json.path("panels").forEach(p -> {
                panels.add(p);
                p.path("panels").forEach(panels::add);
            });
            return panels;
        }

        /** Every query of every panel, and of every annotation, with the data source it names. */
        List<JsonNode> targets() {
            List<JsonNode> targets = new ArrayList<>();
            panels().forEach(p -> p.path("targets").forEach(targets::add));
            json.path("annotations").path("list").forEach(a -> {
                if (a.has("target")) {
                    targets.add(a.get("target"));
                }
            });
            return targets;
        }

        List<JsonNode> variables() {
            List<JsonNode> variables = new ArrayList<>();
            json.path("templating").path("list").forEach(variables::add);
            return variables;
        }

        @Override
        public String toString() {
            return file;
        }
    }
}
