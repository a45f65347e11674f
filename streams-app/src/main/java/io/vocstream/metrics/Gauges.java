package io.vocstream.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.GaugeMetricFamily;
import java.util.ArrayList;
import java.util.List;

/** Gauge families sharing one label set, filled sample by sample; a null figure adds no sample. */
final class Gauges {
    private final List<String> labelNames;
    private final List<MetricFamilySamples> families = new ArrayList<>();

    Gauges(String... labelNames) {
        this.labelNames = List.of(labelNames);
    }

    GaugeMetricFamily gauge(String name, String help) {
        GaugeMetricFamily family = new GaugeMetricFamily(name, help, labelNames);
        families.add(family);
        return family;
    }

    static void set(GaugeMetricFamily family, List<String> labelValues, Double value) {
        if (value != null) {
            family.addMetric(labelValues, value);
        }
    }

    List<MetricFamilySamples> families() {
        return families;
    }
}
