package io.vocstream.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.GaugeMetricFamily;
import io.vocstream.http.ServiceUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link BusinessMetrics}: one gauge source per capability, each collected or reported down on its own. */
class MetricsSourcesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");

    /** A source answering with {@code collect}, named {@code name}. */
    private record Source(String name, Function<Instant, List<MetricFamilySamples>> collect) implements GaugeSource {
        @Override
        public List<MetricFamilySamples> collect(Instant now) {
            return collect.apply(now);
        }
    }

    @Test
    @DisplayName("a source whose state is not queryable is left out and reported down; the others are served")
    void unqueryableSourceLeftOut() {
        Source restoring = new Source("queues", now -> {
            throw new ServiceUnavailableException("store 'contactcenter-waiting' is not queryable now", 2);
        });
        Source serving = new Source("alerts", now -> List.of(new GaugeMetricFamily("vocstream_probe",
                "seconds of the scrape's clock", now.getEpochSecond())));
        List<MetricFamilySamples> families = new BusinessMetrics(List.of(restoring, serving),
                Clock.fixed(NOW, ZoneOffset.UTC)).collect();

        Map<String, MetricFamilySamples> byName = families.stream()
                .collect(Collectors.toMap(f -> f.name, f -> f));
        assertEquals(NOW.getEpochSecond(), byName.get("vocstream_probe").samples.get(0).value);
        assertEquals(Map.of("queues", 0.0, "alerts", 1.0), byName.get("vocstream_metrics_source_up").samples.stream()
                .collect(Collectors.toMap(s -> s.labelValues.get(0), s -> s.value)));
        assertEquals(2, byName.get("vocstream_metrics_source_duration_seconds").samples.size());
    }
}
