package io.vocstream.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** grafana/prometheus and grafana/alertmanager, checked by promtool and against the live metrics. */
@ExtendWith(SimulatedLiveApp.Resolver.class)
class PrometheusConfigTest {
    private static final String CONFIG = "grafana/prometheus/prometheus.yml";
    private static final String RULES = "grafana/prometheus/rules/vocstream.yml";
    /** Series Prometheus makes itself rather than scrapes. */
    private static final Set<String> SYNTHETIC = Set.of("up");

    private static String promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(RepoFiles.root().toFile()).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("promtool is not installed (Debian: apt-get install prometheus; .ci/run does "
                    + "it): " + e.getMessage(), e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool " + String.join(" ", args) + " did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "promtool " + String.join(" ", args) + ":\n" + output);
        return output;
    }

    @Test
    @DisplayName("promtool check config accepts the scrape configuration and finds the rule file")
    void checkConfig() throws Exception {
        String output = promtool("check", "config", CONFIG);
        assertTrue(output.contains("SUCCESS: 1 rule files found"), output);
    }

    @Test
    @DisplayName("promtool check rules accepts the alert rules")
    void checkRules() throws Exception {
        String output = promtool("check", "rules", RULES);
        assertTrue(output.contains("SUCCESS: 7 rules found"), output);
    }

    @Test
    @DisplayName("the rules cover a complaint spike, service level, backlog age, consumer lag and the app being down")
    void requiredAlerts() {
        assertTrue(alertExpressions().keySet().containsAll(Set.of("ComplaintSpikeOpen", "ServiceLevelBelowTarget",
                "ComplaintBacklogAging", "VocstreamConsumerLag", "VocstreamDown")), alertExpressions().toString());
        JsonNode serviceLevel = rule("ServiceLevelBelowTarget");
        assertEquals("10m", serviceLevel.path("for").asText());
    }

    @Test
    @DisplayName("every rule reads only metrics the live /metrics has")
    void rulesNameLiveMetrics(SimulatedLiveApp app) throws Exception {
        Map<String, Set<String>> names = new TreeMap<>();
        alertExpressions().forEach((alert, expr) -> names.put(alert, PromQl.metricNames(expr)));
        Set<String> wanted = names.values().stream().flatMap(Set::stream).filter(n -> !SYNTHETIC.contains(n))
                .collect(Collectors.toSet());
        Set<String> live = GrafanaLiveQueriesTest.liveNames(app, wanted);
        names.forEach((alert, metrics) -> {
            assertFalse(metrics.isEmpty(), alert);
            metrics.stream().filter(n -> !SYNTHETIC.contains(n)).forEach(n ->
                    assertTrue(live.contains(n), alert + " reads " + n + ", not in /metrics"));
        });
    }

    @Test
    @DisplayName("Prometheus scrapes the app service's port and sends to the Alertmanager service of docker compose")
    void targetsAreComposeServices() {
        JsonNode config = RepoFiles.yaml(CONFIG);
        Set<String> targets = new TreeSet<>();
        config.path("scrape_configs").forEach(job -> job.path("static_configs")
                .forEach(sc -> sc.path("targets").forEach(t -> targets.add(t.asText()))));
        assertTrue(targets.contains("app:7070"), targets.toString());
        assertEquals("alertmanager:9093", config.path("alerting").path("alertmanagers").get(0)
                .path("static_configs").get(0).path("targets").get(0).asText());
        JsonNode services = RepoFiles.yaml("docker-compose.yml").path("services");
        assertTrue(services.has("app") && services.has("alertmanager"));
        assertTrue(services.path("app").path("environment").path("VOCSTREAM_HTTP_PORT").asText().equals("7070"));
    }

    @Test
    @DisplayName("Alertmanager routes every alert to a webhook receiver that exists")
    void alertmanagerWebhook() {
        JsonNode config = RepoFiles.yaml("grafana/alertmanager/alertmanager.yml");
        Set<String> receivers = new TreeSet<>();
        config.path("receivers").forEach(r -> receivers.add(r.path("name").asText()));
        assertTrue(receivers.contains(config.path("route").path("receiver").asText()));
        config.path("route").path("routes").forEach(r -> assertTrue(receivers.contains(r.path("receiver").asText())));
        JsonNode webhook = config.path("receivers").get(0).path("webhook_configs").get(0);
        assertTrue(webhook.path("url").asText().startsWith("http"), webhook.toString());
        assertTrue(webhook.path("send_resolved").asBoolean());
    }

    private static Map<String, String> alertExpressions() {
        Map<String, String> expressions = new TreeMap<>();
        RepoFiles.yaml(RULES).path("groups").forEach(g -> g.path("rules").forEach(r ->
                expressions.put(r.path("alert").asText(), r.path("expr").asText())));
        return expressions;
    }

    private static JsonNode rule(String alert) {
        for (JsonNode group : RepoFiles.yaml(RULES).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.path("alert").asText().equals(alert)) {
                    return rule;
                }
            }
        }
        throw new AssertionError("no alert " + alert);
    }
}
