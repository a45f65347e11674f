package io.vocstream.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The files Grafana provisions from grafana/: data sources, the dashboard provider and the dashboards. */
class GrafanaDashboardsTest {
    static final String PROMETHEUS = "prometheus";
    static final String INFINITY = "yesoreyeram-infinity-datasource";
    /** Grafana's own annotation source, which needs no provisioning. */
    private static final Map<String, String> BUILT_IN = Map.of("grafana", "-- Grafana --");

    /** uid to type of every provisioned data source. */
    static Map<String, String> provisionedDataSources() {
        Map<String, String> byUid = new TreeMap<>();
        RepoFiles.yaml("grafana/provisioning/datasources/vocstream.yml").path("datasources")
                .forEach(ds -> byUid.put(ds.get("uid").asText(), ds.get("type").asText()));
        return byUid;
    }

    @Test
    @DisplayName("the five dashboards are valid JSON with unique uids, each titled and tagged")
    void dashboards() {
        List<RepoFiles.Dashboard> dashboards = RepoFiles.dashboards();
        assertEquals(List.of("agents.json", "complaints.json", "field-repair.json", "operations-overview.json",
                "queue-wallboard.json"), dashboards.stream().map(RepoFiles.Dashboard::file).toList());
        Set<String> uids = new HashSet<>();
        for (RepoFiles.Dashboard d : dashboards) {
            assertTrue(uids.add(d.json().path("uid").asText()), d + ": uid used twice");
            assertFalse(d.json().path("title").asText().isBlank(), d + ": no title");
            assertTrue(d.json().path("tags").toString().contains("vocstream"), d + ": not tagged vocstream");
        }
    }

    @Test
    @DisplayName("panel ids are unique within each dashboard, rows and their panels included")
    void uniquePanelIds() {
        for (RepoFiles.Dashboard d : RepoFiles.dashboards()) {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : d.panels()) {
                assertTrue(panel.path("id").isInt(), d + ": a panel without an id: " + panel.path("title"));
                assertTrue(ids.add(panel.get("id").asInt()), d + ": panel id " + panel.get("id") + " used twice");
            }
        }
    }

    @Test
    @DisplayName("every data source a dashboard names is provisioned, with the same type")
    void dataSourcesMatchTheProvisioning() {
        Map<String, String> provisioned = provisionedDataSources();
        assertEquals(Map.of("vocstream-prometheus", PROMETHEUS, "vocstream-api", INFINITY), provisioned);
        for (RepoFiles.Dashboard d : RepoFiles.dashboards()) {
            List<JsonNode> references = new ArrayList<>();
            collect(d.json(), "datasource", references);
            assertFalse(references.isEmpty(), d.toString());
            for (JsonNode ref : references) {
                String type = ref.path("type").asText();
                String uid = ref.path("uid").asText();
                assertTrue(type.equals(provisioned.get(uid)) || uid.equals(BUILT_IN.get(type)),
                        d + ": data source " + ref + " is not provisioned");
            }
            for (JsonNode panel : d.panels()) {
                if (!panel.path("type").asText().equals("row")) {
                    assertTrue(panel.path("datasource").has("uid"), d + ": panel '" + panel.path("title")
                            + "' names no data source");
                    panel.path("targets").forEach(t -> assertEquals(panel.get("datasource"), t.get("datasource"),
                            d + ": a query of '" + panel.path("title") + "' uses another data source"));
                }
            }
        }
    }

    @Test
    @DisplayName("the Infinity queries read the JSON API under the data source's base URL, as flat rows")
    void infinityQueriesAreApiPaths() {
        for (RepoFiles.Dashboard d : RepoFiles.dashboards()) {
            for (JsonNode target : d.targets()) {
                if (target.path("datasource").path("type").asText().equals(INFINITY)) {
                    assertTrue(target.path("url").asText().startsWith("/api/v1/"), d + ": " + target.path("url"));
                    assertEquals("json", target.path("type").asText(), d + ": " + target.path("url"));
                    assertEquals("backend", target.path("parser").asText(), d + ": " + target.path("url"));
                    assertEquals("", target.path("root_selector").asText(), d + ": rows are the top-level array");
                    assertTrue(target.path("columns").size() > 0, d + ": " + target.path("url") + " names no column");
                }
            }
        }
    }

    @Test
    @DisplayName("the dashboard provider reads the directory docker compose mounts grafana/dashboards on")
    void providerPathIsTheComposeMount() {
        String path = RepoFiles.yaml("grafana/provisioning/dashboards/vocstream.yml").path("providers").get(0)
                .path("options").path("path").asText();
        List<String> mounts = new ArrayList<>();
        RepoFiles.yaml("docker-compose.yml").path("services").path("grafana").path("volumes")
                .forEach(v -> mounts.add(v.asText()));
        assertTrue(mounts.contains("./grafana/dashboards:" + path + ":ro"), mounts + " should mount " + path);
    }

    private static void collect(JsonNode node, String field, List<JsonNode> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals(field) && e.getValue().isObject()) {
                    found.add(e.getValue());
                } else {
                    collect(e.getValue(), field, found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, found));
        }
    }
}
