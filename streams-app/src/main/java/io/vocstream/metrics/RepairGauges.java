package io.vocstream.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.GaugeMetricFamily;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.query.InstanceRouter;
import io.vocstream.repair.RepairConfig;
import io.vocstream.repair.RepairFigures;
import io.vocstream.repair.RepairQueries;
import io.vocstream.repair.RepairRoutes;
import io.vocstream.time.TimeRange;
import io.vocstream.time.WindowName;
import java.time.Instant;
import java.util.List;

/**
 * Field repair per region: on-time arrival and orders created today ({@code GET /api/v1/repairs?window=today}) and
 * open orders now ({@code GET /api/v1/repairs/open}), from this instance's partitions. Today rather than a rolling
 * day: its quarter-hour buckets make the figures a fifteenth of the reads, which keeps a scrape fast
 * (docs/BENCHMARKS.md, "Metrics scrape").
 */
final class RepairGauges implements GaugeSource {
    static final WindowName WINDOW = WindowName.TODAY;
    /** No "all": every order has one region (unknown if it names none), so the regions add up to it. */
    static final List<String> DIMENSIONS = List.of("region");

    private final RepairQueries queries;
    private final RepairConfig config;
    private final LabelCap cap;

    RepairGauges(InstanceRouter router, RepairConfig config, LabelCap cap) {
        this.queries = new RepairQueries(new RepairRoutes.RouterStores(router));
        this.config = config;
        this.cap = cap;
    }

    @Override
    public String name() {
        return "repair";
    }

    @Override
    public List<MetricFamilySamples> collect(Instant now) {
        TimeRange range = WINDOW.resolve(now, config.zone());
        Gauges gauges = new Gauges("dimension", "value");
        GaugeMetricFamily created = gauges.gauge("vocstream_repair_orders_created",
                "Work orders created today (the calendar day in time.zone)");
        GaugeMetricFamily onTime = gauges.gauge("vocstream_repair_on_time_arrival_rate",
                "On-time arrival (ratio 0-1) of the orders created today: arrived by the end of "
                        + "the promised window / arrived with a promise; absent when "
                        + "vocstream_repair_on_time_arrival_n is 0");
        GaugeMetricFamily onTimeN = gauges.gauge("vocstream_repair_on_time_arrival_n",
                "Orders with a promised window and an arrival behind vocstream_repair_on_time_arrival_rate");
        GaugeMetricFamily open = gauges.gauge("vocstream_repair_open_orders", "Work orders open now");
        GaugeMetricFamily oldest = gauges.gauge("vocstream_repair_oldest_open_age_seconds",
                "Age of the oldest open work order; absent when none is open");
        for (String dimension : DIMENSIONS) {
            List<RepairQueries.SlicePartial> partials = cap.apply(
                    queries.slicesOf(dimension, range),
                    p -> SliceKeys.valueOf(p.sliceKey()), p -> p.stats().created(),
                    (p, value) -> new RepairQueries.SlicePartial(SliceKeys.of(dimension, value), p.stats()));
            for (RepairFigures f : RepairQueries.figures(partials, range, config)) {
                List<String> labels = List.of(dimension, f.value());
                created.addMetric(labels, f.ordersCreated());
                Gauges.set(onTime, labels, f.onTimeArrivalRate());
                onTimeN.addMetric(labels, f.onTimeArrivalN());
            }
            List<RepairQueries.OpenPartial> openPartials = cap.apply(queries.openOf(dimension, now),
                    p -> SliceKeys.valueOf(p.sliceKey()), p -> p.ages().count(),
                    (p, value) -> new RepairQueries.OpenPartial(SliceKeys.of(dimension, value), p.ages(),
                            p.customersWithoutSupply()));
            for (RepairQueries.OpenFigures f : RepairQueries.openFigures(openPartials, now, config)) {
                List<String> labels = List.of(dimension, f.value());
                open.addMetric(labels, f.openOrders());
                Gauges.set(oldest, labels, f.oldestAgeMinutes() == null ? null : f.oldestAgeMinutes() * 60);
            }
        }
        return gauges.families();
    }
}
