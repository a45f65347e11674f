package io.vocstream.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The Kafka Streams client metrics worth watching, read from {@link KafkaStreams#metrics()} at scrape time and summed
 * (or maxed) over threads, tasks and processor nodes so that thread and task ids, which change with every restart
 * and rebalance, never become labels.
 */
public final class StreamsClientMetrics extends Collector {
    private final KafkaStreams streams;

    public StreamsClientMetrics(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        double aliveThreads = 0;
        double processRate = 0;
        double processed = 0;
        double restoreRemaining = 0;
        double restoringTasks = 0;
        double e2eMax = Double.NaN;
        double e2eAvg = Double.NaN;
        Map<String, Double> lagByTopic = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName name = e.getKey();
            if (!(e.getValue().metricValue() instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                continue;
            }
            double value = number.doubleValue();
            switch (name.group() + "/" + name.name()) {
                case "stream-metrics/alive-stream-threads" -> aliveThreads = value;
                case "stream-thread-metrics/process-rate" -> processRate += value;
                case "stream-thread-metrics/process-total" -> processed += value;
                case "stream-task-metrics/restore-remaining-records-total" -> restoreRemaining += value;
                case "stream-state-updater-metrics/active-restoring-tasks" -> restoringTasks += value;
                case "stream-processor-node-metrics/record-e2e-latency-max" -> e2eMax = max(e2eMax, value);
                case "stream-processor-node-metrics/record-e2e-latency-avg" -> e2eAvg = max(e2eAvg, value);
                case "consumer-fetch-manager-metrics/records-lag" -> {
                    if (isMainConsumer(name) && name.tags().containsKey("topic")) {
                        lagByTopic.merge(name.tags().get("topic"), value, Double::sum);
                    }
                }
                default -> {
                }
            }
        }
        GaugeMetricFamily state = new GaugeMetricFamily("vocstream_streams_state",
                "1 for the Kafka Streams client's current state, 0 for the others", List.of("state"));
        KafkaStreams.State current = streams.state();
        for (KafkaStreams.State s : KafkaStreams.State.values()) {
            state.addMetric(List.of(s.name()), s == current ? 1 : 0);
        }
        GaugeMetricFamily lag = new GaugeMetricFamily("vocstream_streams_consumer_lag_records",
                "Records behind the end of each input and repartition topic, summed over this instance's partitions",
                List.of("topic"));
        lagByTopic.forEach((topic, records) -> lag.addMetric(List.of(topic), records));
        return List.of(state, lag,
                gauge("vocstream_streams_alive_threads", "Stream threads alive", aliveThreads),
                gauge("vocstream_streams_process_rate", "Records processed per second (Kafka's window of the last "
                        + "30 s), summed over stream threads", processRate),
                new CounterMetricFamily("vocstream_streams_processed_records", "Records processed since start, "
                        + "summed over stream threads", processed),
                gauge("vocstream_streams_restore_remaining_records",
                        "Changelog records still to restore, summed over restoring tasks", restoreRemaining),
                gauge("vocstream_streams_restoring_tasks", "Active tasks restoring their state", restoringTasks),
                gauge("vocstream_streams_record_e2e_latency_max_seconds", "Largest end-to-end latency (event "
                        + "timestamp to processing, wall clock) of any source or terminal node in Kafka's recording "
                        + "window; absent before records flow", e2eMax / 1000),
                gauge("vocstream_streams_record_e2e_latency_avg_seconds", "Largest average end-to-end latency of "
                        + "any source or terminal node in Kafka's recording window; absent before records flow",
                        e2eAvg / 1000));
    }

    /** The stream threads' own consumers, not the restore consumers (whose lag is the restore backlog). */
    private static boolean isMainConsumer(MetricName name) {
        String client = name.tags().getOrDefault("client-id", "");
        return client.endsWith("-consumer") && !client.endsWith("-restore-consumer");
    }

    private static double max(double current, double value) {
        return Double.isNaN(current) ? value : Math.max(current, value);
    }

    private static GaugeMetricFamily gauge(String name, String help, double value) {
        GaugeMetricFamily family = new GaugeMetricFamily(name, help, List.of());
        if (!Double.isNaN(value)) {
            family.addMetric(List.of(), value);
        }
        return family;
    }
}
