package io.vocstream.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import io.vocstream.complaints.ComplaintSettings;
import io.vocstream.config.AppConfig;
import io.vocstream.contactcenter.ContactCenterConfig;
import io.vocstream.http.ServiceUnavailableException;
import io.vocstream.query.InstanceRouter;
import io.vocstream.repair.RepairConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business gauges, computed at scrape time by each capability's own query code from the partitions this
 * instance holds: with several instances every one exports its share and Prometheus, which labels each target with
 * its {@code instance}, adds the shares up (docs/metrics.md gives the expressions). A source whose state is not
 * queryable (restoring, rebalancing) is left out of the scrape and reported in
 * {@code vocstream_metrics_source_up}.
 */
public final class BusinessMetrics extends Collector {
    private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);

    private final List<GaugeSource> sources;
    private final Clock clock;

    BusinessMetrics(List<GaugeSource> sources, Clock clock) {
        this.sources = List.copyOf(sources);
        this.clock = clock;
    }

    public static BusinessMetrics of(InstanceRouter router, AppConfig app) {
        LabelCap cap = new LabelCap(MetricsConfig.from(app).top());
        return new BusinessMetrics(List.of(
                new SatisfactionGauges(router, app.timeZone(), cap),
                new ComplaintGauges(router, ComplaintSettings.from(app.settings()), app.timeZone(), cap),
                new QueueGauges(router, ContactCenterConfig.from(app), cap),
                new RepairGauges(router, RepairConfig.from(app), cap),
                new AlertGauges(router)), Clock.systemUTC());
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeMetricFamily up = new GaugeMetricFamily("vocstream_metrics_source_up",
                "1 if the source's gauges are in this scrape, 0 if its state was not queryable (restoring or "
                        + "rebalancing)", List.of("source"));
        GaugeMetricFamily seconds = new GaugeMetricFamily("vocstream_metrics_source_duration_seconds",
                "Time this scrape spent computing the source's gauges", List.of("source"));
        List<MetricFamilySamples> families = new ArrayList<>();
        for (GaugeSource source : sources) {
            long started = System.nanoTime();
            try {
                families.addAll(source.collect(clock.instant()));
                up.addMetric(List.of(source.name()), 1);
            } catch (ServiceUnavailableException | InvalidStateStoreException e) {
                // not queryable when asked for, or migrated away while read
                log.debug("{} gauges left out of the scrape: {}", source.name(), e.getMessage());
                up.addMetric(List.of(source.name()), 0);
            }
            seconds.addMetric(List.of(source.name()), (System.nanoTime() - started) / 1e9);
        }
        families.add(up);
        families.add(seconds);
        return families;
    }
}
