package io.vocstream.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.vocstream.config.AppConfig;
import io.vocstream.http.ApiRoutes;
import io.vocstream.query.InstanceRouter;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What {@code /metrics} serves for one instance: its business gauges, its Kafka Streams client's metrics, its HTTP
 * latency, and the process-wide default registry (JVM metrics of {@code DefaultExports}, dead-letter and duplicate
 * counters). Each instance has a registry of its own, so that several instances in one JVM (tests) never register
 * the same names twice.
 */
public final class VocstreamMetrics {
    private final CollectorRegistry registry = new CollectorRegistry();
    private final HttpMetrics http;

    public VocstreamMetrics(KafkaStreams streams, InstanceRouter router, AppConfig app) {
        new DefaultRegistry().register(registry);
        BusinessMetrics.of(router, app).register(registry);
        new StreamsClientMetrics(streams).register(registry);
        this.http = new HttpMetrics(registry);
    }

    public CollectorRegistry registry() {
        return registry;
    }

    /** The before and after handlers that time every request. */
    public ApiRoutes httpLatency() {
        return http;
    }

    /** The samples of {@link CollectorRegistry#defaultRegistry}, read at each scrape. */
    private static final class DefaultRegistry extends Collector {
        @Override
        public List<MetricFamilySamples> collect() {
            return Collections.list(CollectorRegistry.defaultRegistry.metricFamilySamples());
        }
    }
}
