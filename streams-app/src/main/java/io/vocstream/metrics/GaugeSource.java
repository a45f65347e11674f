package io.vocstream.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import java.time.Instant;
import java.util.List;

/** The business gauges of one capability, computed from this instance's state at scrape time. */
interface GaugeSource {
    /** The name of the family in {@code vocstream_metrics_source_*}: {@code satisfaction}, {@code queues}, ... */
    String name();

    /**
     * The gauges at {@code now}; a {@link io.vocstream.http.ServiceUnavailableException} if a store is not
     * queryable.
     */
    List<MetricFamilySamples> collect(Instant now);
}
