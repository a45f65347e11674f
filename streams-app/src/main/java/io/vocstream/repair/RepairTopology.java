package io.vocstream.repair;

import io.vocstream.buckets.BucketFamily;
import io.vocstream.config.AppConfig;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ComplaintEventType;
import io.vocstream.events.RepairEvent;
import io.vocstream.events.SurveyResponse;
import io.vocstream.schemas.EventTopic;
import io.vocstream.streams.EntityStore;
import io.vocstream.streams.InputStreams;
import io.vocstream.streams.JsonSerde;
import io.vocstream.streams.StoreExpiry;
import io.vocstream.time.BucketSize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Field-repair figures from the repair events. Work-order events arrive keyed by work-order id, so all of an order's
 * events are in one partition: the order's lifecycle is kept there, and its contribution to the per-slice bucket
 * statistics is replaced whenever an event changes it. Repeat and return figures need the orders of one asset (or
 * customer) together: each order's visit summary is re-partitioned once by that subject. Surveys and complaints
 * about an order are re-partitioned by its work-order id, next to a copy of the order's summary.
 */
public final class RepairTopology {
    public static final String ORDERS_STORE = "repair-orders";
    public static final String OPEN_STORE = "repair-open";
    /** Each restored outage's interruption, once per slice of its order (keyed by {@link Interruption#key}). */
    public static final String INTERRUPTIONS_STORE = "repair-interruptions";
    public static final String SUBJECTS_STORE = "repair-subjects";
    public static final String FEEDBACK_STORE = "repair-feedback";
    /**
     * Bucket statistics of the order partitions (lifecycle figures), of the subject partitions (repeats and returns)
     * and of the feedback partitions (surveys and complaints about orders).
     */
    static final String ORDER_STATS = "repair-order-stats";
    static final String SUBJECT_STATS = "repair-subject-stats";
    static final String FEEDBACK_STATS = "repair-feedback-stats";
    /** Minute buckets serve windows up to a day, quarter hours the 7-day window: kept a day longer than needed. */
    static final Map<BucketSize, Duration> RETENTION = Map.of(
            BucketSize.MINUTE, Duration.ofDays(2),
            BucketSize.QUARTER_HOUR, Duration.ofDays(8));
    private static final Serde<RepairStats> STATS_SERDE = RepairStatsSerde.serde();

    private RepairTopology() {
    }

    /** The bucket statistics stores of one size: order, subject and feedback partitions' (their sums add up). */
    public static List<String> statsStores(BucketSize size) {
        return Stream.of(ORDER_STATS, SUBJECT_STATS, FEEDBACK_STATS)
                .map(family -> BucketFamily.storeName(family, size)).toList();
    }

    public static void build(StreamsBuilder builder, InputStreams inputs, AppConfig app) {
        build(builder, inputs, RepairConfig.from(app), app.topicPartitions());
    }

    /**
     * @param partitions partitions of the topics that bring an order's feedback together: the same for all three,
     *                   so that one work-order id lands in the same partition of each
     */
    static void build(StreamsBuilder builder, InputStreams inputs, RepairConfig config, int partitions) {
        builder.addStateStore(EntityStore.builder(Stores.persistentKeyValueStore(ORDERS_STORE),
                JsonSerde.of(WorkOrder.class)));
        builder.addStateStore(EntityStore.builder(Stores.persistentKeyValueStore(OPEN_STORE),
                JsonSerde.of(OpenOrder.class)));
        builder.addStateStore(EntityStore.builder(Stores.persistentKeyValueStore(INTERRUPTIONS_STORE),
                JsonSerde.of(Interruption.class)));
        builder.addStateStore(EntityStore.builder(Stores.persistentKeyValueStore(SUBJECTS_STORE),
                JsonSerde.of(SubjectHistory.class)));
        builder.addStateStore(EntityStore.builder(Stores.persistentKeyValueStore(FEEDBACK_STORE),
                JsonSerde.of(OrderFeedback.class)));
        for (String family : List.of(ORDER_STATS, SUBJECT_STATS, FEEDBACK_STATS)) {
            BucketFamily.addStores(builder, family, STATS_SERDE, RETENTION::get);
        }
        KStream<String, RepairEvent> events = inputs.of(EventTopic.REPAIR);
        KStream<String, OrderVisit> visits = events.process(() -> new WorkOrderProcessor(config),
                Named.as("repair-work-orders"),
                BucketFamily.withStores(List.of(ORDERS_STORE, OPEN_STORE, INTERRUPTIONS_STORE), ORDER_STATS));
        visits.filter((subject, visit) -> subject != null, Named.as("repair-visits-with-subject"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(OrderVisit.class))
                        .withName("repair-visits-by-subject"))
                .process(() -> new SubjectProcessor(config), Named.as("repair-subjects"),
                        BucketFamily.withStores(List.of(SUBJECTS_STORE), SUBJECT_STATS));

        Repartitioned<String, RepairLink> byOrder = Repartitioned.with(Serdes.String(), JsonSerde.of(RepairLink.class))
                .withNumberOfPartitions(partitions);
        KStream<String, RepairLink> orders = visits
                .map((subject, visit) -> KeyValue.pair(visit.workOrderId(), RepairLink.of(visit)),
                        Named.as("repair-visits-by-order"))
                .repartition(byOrder.withName("repair-feedback-orders"));
        KStream<String, RepairLink> surveys = inputs.<SurveyResponse>of(EventTopic.SURVEY)
                .filter((id, s) -> s.getWorkOrderId() != null && !s.getWorkOrderId().isBlank() && s.getCsat() != null,
                        Named.as("repair-surveys"))
                .map((id, s) -> KeyValue.pair(s.getWorkOrderId(), RepairLink.of(new RepairLink.LinkedSurvey(
                        s.getResponseId(), s.getEventTime().toEpochMilli(), s.getCsat()))),
                        Named.as("repair-surveys-by-order"))
                .repartition(byOrder.withName("repair-feedback-surveys"));
        KStream<String, RepairLink> complaints = inputs.<ComplaintEvent>of(EventTopic.COMPLAINT)
                .filter((id, c) -> c.getType() == ComplaintEventType.OPENED && c.getLinkedWorkOrderId() != null
                        && !c.getLinkedWorkOrderId().isBlank(), Named.as("repair-complaints"))
                .map((id, c) -> KeyValue.pair(c.getLinkedWorkOrderId(), RepairLink.of(new RepairLink.LinkedComplaint(
                        c.getComplaintId(), c.getEventTime().toEpochMilli()))),
                        Named.as("repair-complaints-by-order"))
                .repartition(byOrder.withName("repair-feedback-complaints"));
        orders.merge(surveys, Named.as("repair-feedback-surveys-merged"))
                .merge(complaints, Named.as("repair-feedback-merged"))
                .process(() -> new FeedbackProcessor(config), Named.as("repair-feedback"),
                        BucketFamily.withStores(List.of(FEEDBACK_STORE), FEEDBACK_STATS));
    }

    /**
     * Keeps each order's lifecycle, replaces its bucket contribution on every change, keeps the open-orders and
     * interruptions stores, and forwards the order's visit summary, keyed by its subject ({@code null} without one),
     * when it changed.
     */
    private static final class WorkOrderProcessor implements Processor<String, RepairEvent, String, OrderVisit> {
        private final RepairConfig config;
        private ProcessorContext<String, OrderVisit> context;
        private KeyValueStore<String, WorkOrder> orders;
        private KeyValueStore<String, OpenOrder> open;
        private KeyValueStore<String, Interruption> interruptions;
        private BucketFamily<RepairStats> stats;

        WorkOrderProcessor(RepairConfig config) {
            this.config = config;
        }

        @Override
        public void init(ProcessorContext<String, OrderVisit> context) {
            this.context = context;
            this.orders = context.getStateStore(ORDERS_STORE);
            this.open = context.getStateStore(OPEN_STORE);
            this.interruptions = context.getStateStore(INTERRUPTIONS_STORE);
            this.stats = BucketFamily.open(context, ORDER_STATS);
            StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, config.orderRetention(), orders,
                    (order, horizon) -> !order.open() && order.lastEventAt() < horizon);
            // kept as long as the longest-kept buckets, whose windows an interruption is part of
            StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, RETENTION.get(BucketSize.QUARTER_HOUR),
                    interruptions, (interruption, horizon) -> interruption.toMillis() < horizon);
        }

        @Override
        public void process(Record<String, RepairEvent> record) {
            String id = record.value().getWorkOrderId();
            WorkOrder before = orders.get(id);
            before = before == null ? WorkOrder.none(id) : before;
            WorkOrder after = before.with(RepairStep.of(record.value()));
            if (after == before) {
                return;
            }
            orders.put(id, after);
            cellsOf(after).replace(cellsOf(before), stats);
            replaceInterruption(before, after);
            if (after.open()) {
                open.put(id, OpenOrder.of(after));
            } else {
                open.delete(id);
            }
            OrderVisit visit = visitOf(after);
            if (visit != null && !visit.equals(visitOf(before))) {
                context.forward(new Record<>(after.subject(), visit, record.timestamp()));
            }
        }

        /** Keeps the order's interruption in each slice it counts in now, and in no other. */
        private void replaceInterruption(WorkOrder before, WorkOrder after) {
            Map<String, Interruption> now = interruptionsOf(after);
            Map<String, Interruption> was = interruptionsOf(before);
            if (now.equals(was)) {
                return;
            }
            was.keySet().stream().filter(key -> !now.containsKey(key)).forEach(interruptions::delete);
            now.forEach(interruptions::put);
        }

        /** The order's interruption by store key, one per slice; none if it has no interruption. */
        private static Map<String, Interruption> interruptionsOf(WorkOrder order) {
            return order.interruption().map(interruption -> order.sliceKeys().stream().collect(Collectors.toMap(
                    slice -> Interruption.key(slice, order.workOrderId()), slice -> interruption)))
                    .orElse(Map.of());
        }

        private static StatsCells cellsOf(WorkOrder order) {
            return new StatsCells().add(order.sliceKeys(), order.contributions());
        }

        private static OrderVisit visitOf(WorkOrder order) {
            return order.creation().isPresent() ? OrderVisit.of(order) : null;
        }
    }

    /** Keeps each subject's recent orders and replaces the subject's repeat and return contribution on change. */
    private static final class SubjectProcessor implements Processor<String, OrderVisit, Void, Void> {
        private final RepairConfig config;
        private KeyValueStore<String, SubjectHistory> subjects;
        private BucketFamily<RepairStats> stats;

        SubjectProcessor(RepairConfig config) {
            this.config = config;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.subjects = context.getStateStore(SUBJECTS_STORE);
            this.stats = BucketFamily.open(context, SUBJECT_STATS);
            StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, config.orderRetention(), subjects,
                    (subject, horizon) -> subject.newestCreatedAt() < horizon);
        }

        @Override
        public void process(Record<String, OrderVisit> record) {
            SubjectHistory before = subjects.get(record.key());
            before = before == null ? SubjectHistory.NONE : before;
            SubjectHistory after = before.with(record.value());
            cellsOf(after).replace(cellsOf(before), stats);
            subjects.put(record.key(), after.pruned(config.orderRetention()));
        }

        private StatsCells cellsOf(SubjectHistory history) {
            return history.cells(config.repeatWindow(), config.returnWindow());
        }
    }

    /** Keeps each order's linked surveys and complaints and replaces their contribution on change. */
    private static final class FeedbackProcessor implements Processor<String, RepairLink, Void, Void> {
        private final RepairConfig config;
        private KeyValueStore<String, OrderFeedback> feedback;
        private BucketFamily<RepairStats> stats;

        FeedbackProcessor(RepairConfig config) {
            this.config = config;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.feedback = context.getStateStore(FEEDBACK_STORE);
            this.stats = BucketFamily.open(context, FEEDBACK_STATS);
            StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, config.orderRetention(), feedback,
                    (order, horizon) -> order.latestAt() < horizon);
        }

        @Override
        public void process(Record<String, RepairLink> record) {
            OrderFeedback before = feedback.get(record.key());
            before = before == null ? OrderFeedback.NONE : before;
            OrderFeedback after = before.with(record.value());
            if (after.equals(before)) {
                return;
            }
            feedback.put(record.key(), after);
            after.cells().replace(before.cells(), stats);
        }
    }
}
