package io.vocstream.complaints;

import io.vocstream.alerts.Alert;
import io.vocstream.config.AppConfig;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.schemas.EventTopic;
import io.vocstream.streams.InputStreams;
import io.vocstream.streams.JsonSerde;
import io.vocstream.streams.WindowStores;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Complaint alerts and KPIs. The complaint events (keyed by complaint id) yield one {@link NewComplaint} per case,
 * on its first OPENED step; these are re-keyed by dimension (overall, category, category x region) so that each
 * dimension's spike detector sees all of its arrivals, and by common-issue group (category x region, with feeder
 * or asset where given) for the common-issue rule. Every published alert goes to the {@code alerts} topic keyed by
 * dimension|rule. The KPIs are built by {@link ComplaintKpisTopology}.
 */
public final class ComplaintsTopology {
    /** Complaint id to its first opening, for telling a resent OPENED from a new complaint. */
    public static final String FIRST_OPENED_STORE = "complaint-first-opened";
    public static final String ARRIVALS_STORE = "complaint-arrivals";
    public static final String ALERTS_TOPIC = "alerts";

    private ComplaintsTopology() {
    }

    public static void build(StreamsBuilder builder, InputStreams inputs, AppConfig config) {
        ComplaintSettings settings = ComplaintSettings.from(config.settings());
        // a window store: its segments drop ids older than the lifecycle retention without a scan
        builder.addStateStore(Stores.windowStoreBuilder(WindowStores.persistent(FIRST_OPENED_STORE,
                settings.lifecycleRetention(), Duration.ofMillis(1)), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARRIVALS_STORE),
                Serdes.String(), JsonSerde.of(ComplaintArrivals.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SpikeAlerting.SINCE_STORE),
                Serdes.String(), Serdes.Long()));
        AlertBook.addStores(builder);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CommonIssueAlerting.MEMBERS_STORE), Serdes.String(),
                JsonSerde.of(CommonIssueMembers.class)));
        KStream<String, NewComplaint> arrivals = inputs.<ComplaintEvent>of(EventTopic.COMPLAINT)
                .process(FirstOpened::new, FIRST_OPENED_STORE)
                .flatMap((id, complaint) -> complaint.keys().stream()
                        .map(key -> KeyValue.pair(key, complaint)).toList())
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(NewComplaint.class))
                        .withName("complaint-arrivals-by-dimension"));
        Produced<String, Alert> toAlerts = Produced.with(Serdes.String(), JsonSerde.text(Alert.class));
        arrivals.filterNot((key, complaint) -> NewComplaint.isCommonIssueKey(key))
                .process(() -> new SpikeAlerting(settings, config.eventsGrace()), Stream.concat(
                        Stream.of(ARRIVALS_STORE, SpikeAlerting.SINCE_STORE), Stream.of(AlertBook.storeNames()))
                        .toArray(String[]::new))
                .to(config.topic(ALERTS_TOPIC), toAlerts);
        arrivals.filter((key, complaint) -> NewComplaint.isCommonIssueKey(key))
                .process(() -> new CommonIssueAlerting(settings, config.eventsGrace()), Stream.concat(
                        Stream.of(CommonIssueAlerting.MEMBERS_STORE), Stream.of(AlertBook.storeNames()))
                        .toArray(String[]::new))
                .to(config.topic(ALERTS_TOPIC), toAlerts);
        ComplaintKpisTopology.build(builder, inputs, config);
    }

    /**
     * Passes on the first OPENED step of each complaint; a repeated OPENED (a resend) is not a new complaint while
     * the first is remembered, i.e. for the lifecycle retention.
     */
    static final class FirstOpened implements Processor<String, ComplaintEvent, String, NewComplaint> {
        private ProcessorContext<String, NewComplaint> context;
        private WindowStore<String, Long> opened;

        @Override
        public void init(ProcessorContext<String, NewComplaint> context) {
            this.context = context;
            this.opened = context.getStateStore(FIRST_OPENED_STORE);
        }

        @Override
        public void process(Record<String, ComplaintEvent> record) {
            ComplaintEvent event = record.value();
            if (event.getType() != ComplaintEventType.OPENED || seen(event.getComplaintId())) {
                return;
            }
            long at = event.getEventTime().toEpochMilli();
            opened.put(event.getComplaintId(), at, at);
            context.forward(record.withValue(new NewComplaint(event.getComplaintId(), at, event.getCategory(),
                    event.getRegion(), event.getAssetId(), event.getFeederId())));
        }

        /** Whether the complaint was opened before, at any time the store still holds. */
        private boolean seen(String complaintId) {
            try (WindowStoreIterator<Long> openings = opened.fetch(complaintId, 0L, Long.MAX_VALUE)) {
                return openings.hasNext();
            }
        }
    }
}
