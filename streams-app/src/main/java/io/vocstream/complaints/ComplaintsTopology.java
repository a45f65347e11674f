package io.vocstream.complaints;

import io.vocstream.alerts.Alert;
import io.vocstream.alerts.AlertLifecycle;
import io.vocstream.config.AppConfig;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.schemas.EventTopic;
import io.vocstream.streams.InputStreams;
import io.vocstream.streams.JsonSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Complaint spike alerts. The complaint events (keyed by complaint id) yield one {@link NewComplaint} per case, on
 * its first OPENED step; these are re-keyed by dimension (overall, category, category x region) so that each
 * dimension's detector sees all of its arrivals, and every published alert goes to the {@code alerts} topic keyed
 * by dimension|rule.
 */
public final class ComplaintsTopology {
    public static final String OPENED_STORE = "complaints-opened";
    public static final String ARRIVALS_STORE = "complaint-arrivals";
    public static final String ALERTS_TOPIC = "alerts";

    private ComplaintsTopology() {
    }

    public static void build(StreamsBuilder builder, InputStreams inputs, AppConfig config) {
        SpikeSettings spike = SpikeSettings.defaults().withGrace(config.eventsGrace());
        AlertLifecycle lifecycle = new AlertLifecycle(Duration.ofMinutes(30), 1.5);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OPENED_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARRIVALS_STORE),
                Serdes.String(), JsonSerde.of(ComplaintArrivals.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SpikeAlerting.SINCE_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SpikeAlerting.ALERTS_STORE),
                Serdes.String(), JsonSerde.of(Alert.class)));
        inputs.<ComplaintEvent>of(EventTopic.COMPLAINT)
                .process(FirstOpened::new, OPENED_STORE)
                .flatMap((id, complaint) -> complaint.dimensions().stream()
                        .map(dimension -> KeyValue.pair(dimension, complaint)).toList())
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(NewComplaint.class))
                        .withName("complaint-arrivals-by-dimension"))
                .process(() -> new SpikeAlerting(new SpikeDetector(spike), lifecycle), ARRIVALS_STORE,
                        SpikeAlerting.SINCE_STORE, SpikeAlerting.ALERTS_STORE)
                .to(config.topic(ALERTS_TOPIC), Produced.with(Serdes.String(), JsonSerde.of(Alert.class)));
    }

    /** Passes on the first OPENED step of each complaint; a repeated OPENED (a resend) is not a new complaint. */
    static final class FirstOpened implements Processor<String, ComplaintEvent, String, NewComplaint> {
        private ProcessorContext<String, NewComplaint> context;
        private KeyValueStore<String, Long> opened;

        @Override
        public void init(ProcessorContext<String, NewComplaint> context) {
            this.context = context;
            this.opened = context.getStateStore(OPENED_STORE);
        }

        @Override
        public void process(Record<String, ComplaintEvent> record) {
            ComplaintEvent event = record.value();
            if (event.getType() != ComplaintEventType.OPENED || opened.get(event.getComplaintId()) != null) {
                return;
            }
            long at = event.getEventTime().toEpochMilli();
            opened.put(event.getComplaintId(), at);
            context.forward(record.withValue(new NewComplaint(event.getComplaintId(), at, event.getCategory(),
                    event.getRegion())));
        }
    }
}
