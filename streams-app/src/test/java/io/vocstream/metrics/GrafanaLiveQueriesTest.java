package io.vocstream.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.testing.LiveApp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboards' queries against the application under the simulator. */
@ExtendWith(SimulatedLiveApp.Resolver.class)
class GrafanaLiveQueriesTest {
    /** Gauges that come and go with the state (nobody waiting, nothing open) get this long to show up. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    /** The names with samples in a scrape, scraping again until {@code wanted} are all there or time is up. */
    static Set<String> liveNames(SimulatedLiveApp app, Set<String> wanted) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Set<String> live = new TreeSet<>();
        do {
            live.addAll(PrometheusText.parse(app.get("/metrics").body()).names());
            if (live.containsAll(wanted)) {
                break;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        return live;
    }

    @Test
    @DisplayName("every Prometheus query and variable of every dashboard names only metrics the live /metrics has")
    void prometheusQueriesNameLiveMetrics(SimulatedLiveApp app) throws Exception {
        Map<String, Set<String>> namesByQuery = new TreeMap<>();
        for (RepoFiles.Dashboard d : RepoFiles.dashboards()) {
            for (JsonNode target : d.targets()) {
                if (target.path("datasource").path("type").asText().equals(GrafanaDashboardsTest.PROMETHEUS)) {
                    String expr = target.path("expr").asText();
                    Set<String> names = PromQl.metricNames(expr);
                    assertFalse(names.isEmpty(), d + ": " + expr + " reads no metric");
                    namesByQuery.put(d + ": " + expr, names);
                }
            }
            for (JsonNode variable : d.variables()) {
                Matcher m = PromQl.LABEL_VALUES.matcher(variable.path("definition").asText());
                assertTrue(m.matches(), d + ": variable " + variable.path("name") + " is not a label_values query");
                namesByQuery.put(d + ": $" + variable.path("name").asText(), Set.of(m.group(1)));
            }
        }
        Set<String> wanted = namesByQuery.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Set<String> live = liveNames(app, wanted);
        namesByQuery.forEach((query, names) -> assertTrue(live.containsAll(names), query + " names "
                + names.stream().filter(n -> !live.contains(n)).toList() + ", not in /metrics"));
    }

    @Test
    @DisplayName("every Infinity query's URL is a path of the OpenAPI document and answers 200 with rows")
    void infinityQueriesAnswerRows(SimulatedLiveApp app) throws Exception {
        JsonNode openApi = LiveApp.json(app.get("/api/v1/openapi.json").body());
        PrometheusText metrics = PrometheusText.parse(app.get("/metrics").body());
        int checked = 0;
        for (RepoFiles.Dashboard d : RepoFiles.dashboards()) {
            Map<String, String> values = variableValues(d, metrics);
            for (JsonNode target : d.targets()) {
                if (!target.path("datasource").path("type").asText().equals(GrafanaDashboardsTest.INFINITY)) {
                    continue;
                }
                String path = substitute(target.path("url").asText(), values);
                JsonNode operation = operation(openApi, path);
                assertNotNull(operation, d + ": " + path + " is no path of /api/v1/openapi.json");
                Set<String> documented = parameterNames(openApi, operation);
                List<String> query = new ArrayList<>();
                for (JsonNode p : target.path("url_options").path("params")) {
                    String key = p.get("key").asText();
                    assertTrue(documented.contains(key), d + ": " + path + " has no parameter " + key);
                    query.add(key + "=" + URLEncoder.encode(substitute(p.get("value").asText(), values),
                            StandardCharsets.UTF_8));
                }
                String url = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
                HttpResponse<String> response = app.get(url);
                assertEquals(200, response.statusCode(), d + ": " + url + " answered " + response.body());
                JsonNode rows = LiveApp.json(response.body());
                assertTrue(rows.isArray() && rows.size() > 0, d + ": " + url + " answered no rows: " + rows);
                for (JsonNode row : rows) {
                    for (JsonNode column : target.path("columns")) {
                        JsonNode field = row.get(column.get("selector").asText());
                        assertTrue(field != null && (field.isValueNode()), d + ": " + url + " rows have no flat field "
                                + column.get("selector") + ": " + row);
                    }
                }
                checked++;
            }
        }
        assertTrue(checked >= 15, "only " + checked + " Infinity queries found");
    }

    /**
     * A value of each dashboard variable, as Grafana would offer it: the first of the label's values on the metric
     * its label_values query names, after the variable's regex.
     */
    private static Map<String, String> variableValues(RepoFiles.Dashboard d, PrometheusText metrics) {
        Map<String, String> values = new TreeMap<>();
        for (JsonNode variable : d.variables()) {
            Matcher m = PromQl.LABEL_VALUES.matcher(variable.path("definition").asText());
            assertTrue(m.matches(), d + ": " + variable.path("definition"));
            Map<String, String> matchers = new TreeMap<>();
            if (m.group(2) != null) {
                for (String matcher : m.group(2).replaceAll("[{}]", "").split(",")) {
                    String[] kv = matcher.split("=", 2);
                    matchers.put(kv[0].trim(), kv[1].trim().replace("\"", ""));
                }
            }
            String regex = variable.path("regex").asText();
            Pattern accepted = Pattern.compile(regex.isEmpty() ? ".*" : regex.substring(1, regex.length() - 1));
            String value = metrics.samples(m.group(1))
                    .filter(s -> matchers.entrySet().stream().allMatch(e -> e.getValue().equals(s.label(e.getKey()))))
                    .map(s -> s.label(m.group(3))).filter(v -> v != null && accepted.matcher(v).matches())
                    .sorted().findFirst().orElseThrow(() -> new AssertionError(d + ": variable "
                            + variable.path("name") + " has no value in /metrics"));
            values.put(variable.path("name").asText(), value);
        }
        return values;
    }

    private static String substitute(String text, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            assertTrue(values.containsKey(name), "no variable $" + name + " for " + text);
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(name)));
        }
        return m.appendTail(out).toString();
    }

    /** The GET operation of the OpenAPI path template that {@code path} matches, or null. */
    private static JsonNode operation(JsonNode openApi, String path) {
        for (var it = openApi.path("paths").fields(); it.hasNext(); ) {
            var e = it.next();
            if (path.matches(e.getKey().replaceAll("\\{[^}]+}", "[^/]+"))) {
                return e.getValue().path("get").isMissingNode() ? null : e.getValue().get("get");
            }
        }
        return null;
    }

    private static Set<String> parameterNames(JsonNode openApi, JsonNode operation) {
        Set<String> names = new HashSet<>();
        for (JsonNode p : operation.path("parameters")) {
            JsonNode resolved = p.has("$ref")
                    ? openApi.at(p.get("$ref").asText().substring(1)) : p;
            names.add(resolved.path("name").asText());
        }
        return names;
    }
}
