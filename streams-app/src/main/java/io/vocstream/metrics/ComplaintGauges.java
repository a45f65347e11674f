package io.vocstream.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.GaugeMetricFamily;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.complaints.BacklogPartial;
import io.vocstream.complaints.BacklogRow;
import io.vocstream.complaints.ComplaintKpiRow;
import io.vocstream.complaints.ComplaintQueries;
import io.vocstream.complaints.ComplaintSettings;
import io.vocstream.complaints.SlicePartial;
import io.vocstream.query.InstanceRouter;
import io.vocstream.time.TimeRange;
import io.vocstream.time.WindowName;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Complaints opened and per 1,000 answered contacts today ({@code GET /api/v1/complaints?window=today}) and the open
 * backlog now ({@code GET /api/v1/complaints/backlog}), per category and region, from this instance's partitions.
 * Today rather than a rolling day: its quarter-hour buckets make the figures a fifteenth of the reads, which keeps a
 * scrape fast (docs/BENCHMARKS.md, "Metrics scrape").
 */
final class ComplaintGauges implements GaugeSource {
    static final WindowName WINDOW = WindowName.TODAY;
    /** No "all": every complaint has one region (unknown if it names none), so the regions add up to it. */
    static final List<String> DIMENSIONS = List.of("category", "region");

    private final InstanceRouter router;
    private final ComplaintSettings settings;
    private final ZoneId zone;
    private final LabelCap cap;

    ComplaintGauges(InstanceRouter router, ComplaintSettings settings, ZoneId zone, LabelCap cap) {
        this.router = router;
        this.settings = settings;
        this.zone = zone;
        this.cap = cap;
    }

    @Override
    public String name() {
        return "complaints";
    }

    @Override
    public List<MetricFamilySamples> collect(Instant now) {
        TimeRange range = WINDOW.resolve(now, zone);
        Gauges gauges = new Gauges("dimension", "value");
        GaugeMetricFamily opened = gauges.gauge("vocstream_complaints_opened",
                "Complaints opened today (the calendar day in time.zone)");
        GaugeMetricFamily contacts = gauges.gauge("vocstream_complaints_answered_contacts",
                "Contacts answered by an agent today (the base of the complaint rate; 0 for "
                        + "dimensions contacts do not have, such as category)");
        GaugeMetricFamily rate = gauges.gauge("vocstream_complaints_per_1000_contacts",
                "Complaints opened per 1,000 answered contacts today; absent when "
                        + "vocstream_complaints_answered_contacts is 0");
        GaugeMetricFamily open = gauges.gauge("vocstream_complaints_open", "Complaints open now");
        GaugeMetricFamily overdue = gauges.gauge("vocstream_complaints_overdue_first_response",
                "Open complaints without a first response past their category's promise");
        GaugeMetricFamily oldest = gauges.gauge("vocstream_complaints_oldest_open_age_seconds",
                "Age of the oldest open complaint; absent when none is open");
        for (String dimension : DIMENSIONS) {
            List<SlicePartial> partials = cap.apply(ComplaintQueries.slicePartials(
                            name -> router.localStore(name, QueryableStoreTypes.windowStore()), dimension, range),
                    p -> SliceKeys.valueOf(p.slice()), p -> p.stats().opened(),
                    (p, value) -> new SlicePartial(SliceKeys.of(dimension, value), p.stats()));
            for (ComplaintKpiRow row : ComplaintQueries.kpiRows(dimension, WINDOW, range, partials, settings)) {
                List<String> labels = List.of(dimension, row.value());
                opened.addMetric(labels, row.opened());
                contacts.addMetric(labels, row.answeredContacts());
                Gauges.set(rate, labels, row.complaintsPer1000Contacts());
            }
            List<BacklogPartial> backlog = cap.apply(ComplaintQueries.backlogPartials(router.localStore(
                            ComplaintQueries.BACKLOG_STORE, QueryableStoreTypes.keyValueStore()), dimension, now),
                    p -> SliceKeys.valueOf(p.slice()), p -> p.ageBands().stream().mapToLong(Long::longValue).sum(),
                    (p, value) -> new BacklogPartial(SliceKeys.of(dimension, value), p.ageBands(),
                            p.overdueFirstResponse(), p.oldestOpenedAt()));
            for (BacklogRow row : ComplaintQueries.backlogRows(dimension, now, backlog)) {
                List<String> labels = List.of(dimension, row.value());
                open.addMetric(labels, row.open());
                overdue.addMetric(labels, row.overdueFirstResponse());
                Gauges.set(oldest, labels, row.oldestAgeSeconds());
            }
        }
        return gauges.families();
    }
}
