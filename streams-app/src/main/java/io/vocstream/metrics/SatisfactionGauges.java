package io.vocstream.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.GaugeMetricFamily;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.query.InstanceRouter;
import io.vocstream.satisfaction.Dimension;
import io.vocstream.satisfaction.SatisfactionQueries;
import io.vocstream.satisfaction.SatisfactionTopology;
import io.vocstream.satisfaction.SliceFigures;
import io.vocstream.satisfaction.SlicePartial;
import io.vocstream.time.TimeRange;
import io.vocstream.time.WindowName;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Satisfaction index and CSAT per slice over the rolling hour, as {@code GET /api/v1/satisfaction/slices?window=1h}
 * computes them, from this instance's partitions.
 */
final class SatisfactionGauges implements GaugeSource {
    static final WindowName WINDOW = WindowName.ROLLING_1H;
    static final List<Dimension> DIMENSIONS =
            List.of(Dimension.ALL, Dimension.REGION, Dimension.SEGMENT, Dimension.CHANNEL, Dimension.QUEUE);

    private final SatisfactionQueries queries;
    private final ZoneId zone;
    private final LabelCap cap;

    SatisfactionGauges(InstanceRouter router, ZoneId zone, LabelCap cap) {
        this.queries = new SatisfactionQueries(name -> router.localStore(name, QueryableStoreTypes.windowStore()));
        this.zone = zone;
        this.cap = cap;
    }

    @Override
    public String name() {
        return "satisfaction";
    }

    @Override
    public List<MetricFamilySamples> collect(Instant now) {
        TimeRange range = WINDOW.resolve(now, zone);
        Gauges gauges = new Gauges("dimension", "value");
        GaugeMetricFamily responses = gauges.gauge("vocstream_satisfaction_responses",
                "Survey responses in the rolling hour (n of the slice)");
        GaugeMetricFamily index = gauges.gauge("vocstream_satisfaction_index",
                "Satisfaction index 0-100 over the rolling hour: mean of the weighted indicator items, each "
                        + "(x - 1) / (scale - 1) * 100; absent when vocstream_satisfaction_index_n is 0");
        GaugeMetricFamily indexN = gauges.gauge("vocstream_satisfaction_index_n",
                "Responses with indicator scores behind vocstream_satisfaction_index");
        GaugeMetricFamily csat = gauges.gauge("vocstream_satisfaction_csat",
                "Mean CSAT (1-5) over the rolling hour; absent when vocstream_satisfaction_csat_n is 0");
        GaugeMetricFamily csatN = gauges.gauge("vocstream_satisfaction_csat_n",
                "Responses with a CSAT score behind vocstream_satisfaction_csat");
        for (Dimension dimension : DIMENSIONS) {
            String key = dimension.key();
            List<SlicePartial> partials = cap.apply(
                    queries.slices(SatisfactionTopology.SLICES, key, range),
                    p -> SliceKeys.valueOf(p.slice()), p -> p.stats().responses(),
                    (p, value) -> new SlicePartial(SliceKeys.of(key, value), p.stats()));
            for (SliceFigures f : SatisfactionQueries.figures(key, SatisfactionQueries.mergeSlices(partials))) {
                List<String> labels = List.of(key, f.value());
                responses.addMetric(labels, f.n());
                Gauges.set(index, labels, f.index());
                indexN.addMetric(labels, f.indexN());
                Gauges.set(csat, labels, f.csatMean());
                csatN.addMetric(labels, f.csatN());
            }
        }
        return gauges.families();
    }
}
