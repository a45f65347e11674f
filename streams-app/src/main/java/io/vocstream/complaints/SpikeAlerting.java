package io.vocstream.complaints;

import io.vocstream.alerts.Alert;
import io.vocstream.alerts.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
 * dimension|rule. Every hour of stream time it drops the histories with nothing left to read and the resolved alerts
 * past their retention.
 */
final class SpikeAlerting implements Processor<String, NewComplaint, String, Alert> {
    static final String SINCE_STORE = "complaint-observing-since";
    /** Key of the since store: when this task began observing arrivals (every dimension's history starts there). */
    private static final String SINCE_KEY = "since";
    private static final List<String> RULES = List.of(SpikeSettings.POISSON_RULE, SpikeSettings.CUSUM_RULE);

    private final SpikeDetector detector;
    private final ComplaintSettings settings;
    private KeyValueStore<String, ComplaintArrivals> arrivals;
    private KeyValueStore<String, Long> since;
    private AlertBook book;

    /** @param grace the events grace: an hour is folded into the CUSUM once it has passed */
    SpikeAlerting(ComplaintSettings settings, Duration grace) {
        this.settings = settings;
        this.detector = new SpikeDetector(settings.spike().withGrace(grace));
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.arrivals = context.getStateStore(ComplaintsTopology.ARRIVALS_STORE);
        this.since = context.getStateStore(SINCE_STORE);
        this.book = new AlertBook(context, settings.alerting(), settings.alertRetention());
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, this::reviewOpenAlerts);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetIdleState);
    }

    @Override
    public void process(Record<String, NewComplaint> record) {
        String dimension = record.key();
        long at = record.value().eventTime();
        ComplaintArrivals history = Objects.requireNonNullElseGet(arrivals.get(dimension), ComplaintArrivals::new);
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
        book.apply(dimension, SpikeSettings.POISSON_RULE, count, now);
        book.apply(dimension, SpikeSettings.CUSUM_RULE, drift, now);
    }

    /** Re-evaluates the dimensions with an open alert as stream time passes (a forgotten history is empty). */
    private void reviewOpenAlerts(long streamTime) {
        Long start = since.get(SINCE_KEY);
        if (start == null) {
            return;
        }
        Set<String> dimensions = new LinkedHashSet<>();
        RULES.forEach(rule -> dimensions.addAll(book.openDimensions(rule)));
        for (String dimension : dimensions) {
            evaluate(dimension, Objects.requireNonNullElseGet(arrivals.get(dimension), ComplaintArrivals::new),
                    start, streamTime);
        }
    }

    /** Drops the histories of dimensions quiet for longer than the detector reads back, and old resolved alerts. */
    private void forgetIdleState(long streamTime) {
        List<String> idle = new ArrayList<>();
        try (KeyValueIterator<String, ComplaintArrivals> all = arrivals.all()) {
            all.forEachRemaining((KeyValue<String, ComplaintArrivals> kv) -> {
                detector.prune(kv.value, streamTime);
                if (kv.value.isEmpty()) {
                    idle.add(kv.key);
                }
            });
        }
        idle.forEach(arrivals::delete);
        book.forgetResolved(RULES, streamTime);
    }
}
