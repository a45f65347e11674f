package io.vocstream.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.GaugeMetricFamily;
import io.vocstream.buckets.BucketFamily;
import io.vocstream.contactcenter.ContactCenterConfig;
import io.vocstream.contactcenter.ContactCenterTopology;
import io.vocstream.contactcenter.QueueFigures;
import io.vocstream.contactcenter.QueueNow;
import io.vocstream.contactcenter.QueuePartial;
import io.vocstream.contactcenter.QueueQueries;
import io.vocstream.contactcenter.QueueRow;
import io.vocstream.query.InstanceRouter;
import io.vocstream.time.TimeRange;
import io.vocstream.time.WindowName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Per queue: contacts waiting and agents now, and over the rolling 15 minutes the counts, service level (under the
 * queue's rule in force now), abandonment and ASA, as {@code GET /api/v1/queues?window=15m} computes them, from this
 * instance's partitions.
 */
final class QueueGauges implements GaugeSource {
    static final WindowName WINDOW = WindowName.ROLLING_15M;

    private final InstanceRouter router;
    private final ContactCenterConfig config;
    private final LabelCap cap;

    QueueGauges(InstanceRouter router, ContactCenterConfig config, LabelCap cap) {
        this.router = router;
        this.config = config;
        this.cap = cap;
    }

    @Override
    public String name() {
        return "queues";
    }

    @Override
    public List<MetricFamilySamples> collect(Instant now) {
        // a rolling window is the same span in every zone, and judged by the rule in force at its end
        TimeRange range = WINDOW.resolve(now, config.zone());
        List<QueuePartial> partials = new ArrayList<>(QueueQueries.contactPartials(
                size -> router.localStore(BucketFamily.storeName(ContactCenterTopology.QUEUE_BUCKETS_STORE, size),
                        QueryableStoreTypes.windowStore()),
                router.localStore(ContactCenterTopology.WAITING_STORE, QueryableStoreTypes.keyValueStore()),
                null, null, range));
        partials.addAll(QueueQueries.agentPartials(
                router.localStore(ContactCenterTopology.AGENTS_STORE, QueryableStoreTypes.keyValueStore()), null));
        List<QueueRow> rows = QueueQueries.rows(cap.apply(partials, QueuePartial::queue, QueueGauges::sizeOf,
                        QueueGauges::relabel), config.rules(), WINDOW.parameterValue(),
                queue -> new QueueQueries.Span(range, now), now);

        Gauges gauges = new Gauges("queue");
        GaugeMetricFamily offered = gauges.gauge("vocstream_queue_offered",
                "Contacts offered in the rolling 15 minutes");
        GaugeMetricFamily answered = gauges.gauge("vocstream_queue_answered",
                "Contacts answered in the rolling 15 minutes");
        GaugeMetricFamily abandoned = gauges.gauge("vocstream_queue_abandoned",
                "Contacts abandoned in the rolling 15 minutes");
        GaugeMetricFamily serviceLevel = gauges.gauge("vocstream_queue_service_level",
                "Service level (ratio 0-1) in the rolling 15 minutes: answered within the queue's threshold / the "
                        + "denominator of its formula; absent when vocstream_queue_service_level_n is 0");
        GaugeMetricFamily serviceLevelN = gauges.gauge("vocstream_queue_service_level_n",
                "Contacts in the denominator of vocstream_queue_service_level");
        GaugeMetricFamily target = gauges.gauge("vocstream_queue_service_level_target",
                "Service-level target (ratio 0-1) of the queue's rule in force; absent without a target");
        GaugeMetricFamily abandonment = gauges.gauge("vocstream_queue_abandonment_rate",
                "Abandonment rate (ratio 0-1) in the rolling 15 minutes: (abandoned - short abandons) / (answered + "
                        + "abandoned - short abandons); absent when vocstream_queue_abandonment_rate_n is 0");
        GaugeMetricFamily abandonmentN = gauges.gauge("vocstream_queue_abandonment_rate_n",
                "Contacts in the denominator of vocstream_queue_abandonment_rate");
        GaugeMetricFamily asa = gauges.gauge("vocstream_queue_asa_seconds",
                "Average speed of answer in the rolling 15 minutes; absent when vocstream_queue_asa_n is 0");
        GaugeMetricFamily asaN = gauges.gauge("vocstream_queue_asa_n",
                "Answered contacts with a known wait behind vocstream_queue_asa_seconds");
        GaugeMetricFamily waiting = gauges.gauge("vocstream_queue_waiting", "Contacts waiting now");
        GaugeMetricFamily longestWait = gauges.gauge("vocstream_queue_longest_wait_seconds",
                "How long the contact waiting longest has waited, now; absent when none is waiting");
        GaugeMetricFamily agents = new GaugeMetricFamily("vocstream_queue_agents",
                "Logged-in agents serving the queue now, by state", List.of("queue", "state"));
        for (QueueRow row : rows) {
            List<String> labels = List.of(row.queue());
            QueueFigures f = row.figures();
            offered.addMetric(labels, f.offered());
            answered.addMetric(labels, f.answered());
            abandoned.addMetric(labels, f.abandoned());
            Gauges.set(serviceLevel, labels, f.serviceLevel());
            serviceLevelN.addMetric(labels, f.serviceLevelN());
            Gauges.set(target, labels, f.serviceLevelTarget());
            Gauges.set(abandonment, labels, f.abandonmentRate());
            abandonmentN.addMetric(labels, f.abandonmentRateN());
            Gauges.set(asa, labels, f.asaSeconds());
            asaN.addMetric(labels, f.asaN());
            QueueNow.Figures n = row.now();
            waiting.addMetric(labels, n.waiting());
            Gauges.set(longestWait, labels, n.longestWaitSeconds());
            agents.addMetric(List.of(row.queue(), "available"), n.agentsAvailable());
            agents.addMetric(List.of(row.queue(), "busy"), n.agentsBusy());
            agents.addMetric(List.of(row.queue(), "after_call_work"), n.agentsAfterCallWork());
            agents.addMetric(List.of(row.queue(), "away"), n.agentsAway());
        }
        List<MetricFamilySamples> families = new ArrayList<>(gauges.families());
        families.add(agents);
        return families;
    }

    /** What ranks a queue for the label cap: its traffic in the window, contacts waiting and agents serving it. */
    private static long sizeOf(QueuePartial p) {
        return (p.stats() == null ? 0 : p.stats().offered())
                + (p.now() == null ? 0 : p.now().waiting() + p.now().loggedIn());
    }

    private static QueuePartial relabel(QueuePartial p, String queue) {
        QueueNow n = p.now();
        return new QueuePartial(p.source(), queue, p.slice(), p.stats(), n == null ? null
                : new QueueNow(queue, n.waiting(), n.oldestWaitingSince(), n.available(), n.busy(),
                n.afterCallWork(), n.away(), n.loggedIn()), p.repeats());
    }
}
