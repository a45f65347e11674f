package io.vocstream.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.GaugeMetricFamily;
import io.vocstream.alerts.Alert;
import io.vocstream.alerts.AlertRoutes;
import io.vocstream.complaints.ComplaintQueries;
import io.vocstream.query.InstanceRouter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Open alerts ({@code GET /api/v1/alerts}) counted by rule and severity. Every rule and severity has a sample, 0
 * when nothing is open, so that an alert rule can tell "none open" from "not scraped"; the alert's dimension is not
 * a label (its values are not bounded).
 */
final class AlertGauges implements GaugeSource {
    private final InstanceRouter router;

    AlertGauges(InstanceRouter router) {
        this.router = router;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public List<MetricFamilySamples> collect(Instant now) {
        Map<List<String>, Long> open = new TreeMap<>((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
        for (String rule : ComplaintQueries.ALERT_RULES) {
            for (Alert.Severity severity : Alert.Severity.values()) {
                open.put(List.of(rule, label(severity)), 0L);
            }
        }
        AlertRoutes.alerts(router.localStore(AlertRoutes.STORE, QueryableStoreTypes.keyValueStore()), Alert::isOpen)
                .forEach(a -> open.merge(List.of(a.rule(), label(a.severity())), 1L, Long::sum));
        GaugeMetricFamily gauge = new GaugeMetricFamily("vocstream_alerts_open",
                "Complaint alerts open now (OPEN or UPDATED), by rule and severity", List.of("rule", "severity"));
        open.forEach((labels, count) -> gauge.addMetric(labels, count));
        return List.of(gauge);
    }

    private static String label(Alert.Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }
}
