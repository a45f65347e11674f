package io.vocstream.complaints;

import io.vocstream.alerts.Alert;
import io.vocstream.alerts.AlertLifecycle;
import io.vocstream.alerts.AlertRoutes;
import io.vocstream.alerts.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the spike and drift rules of each dimension on this task: at every new complaint (so the complaint that
 * tips a dimension over its threshold emits the OPEN alert at once) and, for dimensions with an open alert, every
 * minute of stream time (so alerts resolve when complaints stop). Emits every published alert keyed by
 * dimension|rule. The alerts store holds each (dimension, rule)'s latest alert, open or resolved.
 */
final class SpikeAlerting implements Processor<String, NewComplaint, String, Alert> {
    static final String ALERTS_STORE = AlertRoutes.STORE;
    static final String SINCE_STORE = "complaint-observing-since";
    /** Key of the since store: when this task began observing arrivals (every dimension's history starts there). */
    private static final String SINCE_KEY = "since";
    private static final List<String> RULES = List.of(SpikeSettings.POISSON_RULE, SpikeSettings.CUSUM_RULE);

    private final SpikeDetector detector;
    private final AlertLifecycle lifecycle;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, ComplaintArrivals> arrivals;
    private KeyValueStore<String, Alert> alerts;
    private KeyValueStore<String, Long> since;

    SpikeAlerting(SpikeDetector detector, AlertLifecycle lifecycle) {
        this.detector = detector;
        this.lifecycle = lifecycle;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.arrivals = context.getStateStore(ComplaintsTopology.ARRIVALS_STORE);
        this.alerts = context.getStateStore(ALERTS_STORE);
        this.since = context.getStateStore(SINCE_STORE);
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, this::reviewOpenAlerts);
    }

    @Override
    public void process(Record<String, NewComplaint> record) {
        String dimension = record.key();
        long at = record.value().eventTime();
        ComplaintArrivals history = Optional.ofNullable(arrivals.get(dimension)).orElseGet(ComplaintArrivals::new);
        history.add(at);
        // the current count is taken at the dimension's latest arrival: a late complaint inside the grace adds to
        // the current window instead of being judged in the past
        evaluate(dimension, history, observingSince(at), Math.max(at, history.latest()));
    }

    /** The start of the history; a late first arrival moves it back. */
    private long observingSince(long at) {
        Long start = since.get(SINCE_KEY);
        if (start == null || at < start) {
            since.put(SINCE_KEY, at);
            return at;
        }
        return start;
    }

    private void evaluate(String dimension, ComplaintArrivals history, long since, long now) {
        Signal count = detector.poisson(history, since, now);
        Signal drift = detector.cusum(history, since, now);
        detector.prune(history, now);
        arrivals.put(dimension, history);
        apply(dimension, SpikeSettings.POISSON_RULE, count, now);
        apply(dimension, SpikeSettings.CUSUM_RULE, drift, now);
    }

    private void apply(String dimension, String rule, Signal signal, long now) {
        String key = Alert.key(dimension, rule);
        lifecycle.next(Optional.ofNullable(alerts.get(key)), dimension, rule, signal, Instant.ofEpochMilli(now))
                .ifPresent(step -> {
                    alerts.put(key, step.alert());
                    if (step.publish()) {
                        context.forward(new Record<>(key, step.alert(), now));
                    }
                });
    }

    private void reviewOpenAlerts(long streamTime) {
        List<String> dimensions = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = alerts.all()) {
            all.forEachRemaining((KeyValue<String, Alert> kv) -> {
                if (kv.value.isOpen() && !dimensions.contains(kv.value.dimension())) {
                    dimensions.add(kv.value.dimension());
                }
            });
        }
        Long start = since.get(SINCE_KEY);
        for (String dimension : dimensions) {
            ComplaintArrivals history = arrivals.get(dimension);
            if (history != null && start != null) {
                evaluate(dimension, history, start, streamTime);
            }
        }
    }
}
