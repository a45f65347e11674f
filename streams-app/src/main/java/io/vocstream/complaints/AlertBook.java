package io.vocstream.complaints;

import io.vocstream.alerts.Alert;
import io.vocstream.alerts.AlertLifecycle;
import io.vocstream.alerts.AlertRoutes;
import io.vocstream.alerts.Signal;
import io.vocstream.streams.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The alerts of one task, shared by its alerting processors: the latest alert of each dimension and rule, open or
 * resolved (what {@code GET /api/v1/alerts} serves), and an index of the open ones by rule, so that the periodic
 * reviews visit open alerts only. A resolved alert is forgotten after the alert retention; the {@code alerts} topic
 * keeps the history.
 */
final class AlertBook {
    static final String ALERTS_STORE = AlertRoutes.STORE;
    /** rule|dimension of every open alert, for a prefix scan by rule. */
    static final String OPEN_STORE = "complaint-open-alerts";
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

    private final ProcessorContext<String, Alert> context;
    private final AlertLifecycle lifecycle;
    private final long retentionMillis;
    private final KeyValueStore<String, Alert> alerts;
    private final KeyValueStore<String, String> open;

    /** Opens the stores in a processor's {@code init}; {@code retention} is how long resolved alerts are kept. */
    AlertBook(ProcessorContext<String, Alert> context, AlertLifecycle lifecycle, Duration retention) {
        this.context = context;
        this.lifecycle = lifecycle;
        this.retentionMillis = retention.toMillis();
        this.alerts = context.getStateStore(ALERTS_STORE);
        this.open = context.getStateStore(OPEN_STORE);
    }

    static void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS_STORE),
                Serdes.String(), JsonSerde.of(Alert.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OPEN_STORE),
                Serdes.String(), Serdes.String()));
    }

    static String[] storeNames() {
        return new String[] {ALERTS_STORE, OPEN_STORE};
    }

    /** Moves the alert of (dimension, rule) on by {@code signal} at {@code now}, and emits what is news. */
    void apply(String dimension, String rule, Signal signal, long now) {
        String key = Alert.key(dimension, rule);
        lifecycle.next(Optional.ofNullable(alerts.get(key)), dimension, rule, signal, Instant.ofEpochMilli(now))
                .ifPresent(step -> {
                    alerts.put(key, step.alert());
                    if (step.publish()) {
                        // the open index changes only when an alert opens or resolves, both of which are published
                        if (step.alert().isOpen()) {
                            open.put(openKey(rule, dimension), dimension);
                        } else {
                            open.delete(openKey(rule, dimension));
                        }
                        context.forward(new Record<>(key, step.alert(), now));
                    }
                });
    }

    /** The dimensions with an open alert of {@code rule}. */
    List<String> openDimensions(String rule) {
        List<String> dimensions = new ArrayList<>();
        try (KeyValueIterator<String, String> byRule = open.prefixScan(rule + "|", PREFIX_SERIALIZER)) {
            byRule.forEachRemaining(kv -> dimensions.add(kv.value));
        }
        return dimensions;
    }

    /** Forgets the alerts of {@code rules} resolved longer than the retention before {@code streamTime}. */
    void forgetResolved(Collection<String> rules, long streamTime) {
        Instant before = Instant.ofEpochMilli(streamTime - retentionMillis);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = alerts.all()) {
            all.forEachRemaining((KeyValue<String, Alert> kv) -> {
                Alert alert = kv.value;
                if (!alert.isOpen() && rules.contains(alert.rule()) && alert.resolvedTime().isBefore(before)) {
                    expired.add(kv.key);
                }
            });
        }
        expired.forEach(alerts::delete);
    }

    private static String openKey(String rule, String dimension) {
        return rule + "|" + dimension;
    }
}
