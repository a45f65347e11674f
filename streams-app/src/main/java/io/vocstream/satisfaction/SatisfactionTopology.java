package io.vocstream.satisfaction;

import io.vocstream.buckets.BucketFamily;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.config.AppConfig;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ContactEvent;
import io.vocstream.events.SurveyResponse;
import io.vocstream.schemas.EventTopic;
import io.vocstream.streams.EntityStore;
import io.vocstream.streams.InputStreams;
import io.vocstream.streams.JsonSerde;
import io.vocstream.streams.StoreExpiry;
import io.vocstream.time.BucketSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
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
 * Survey responses into live satisfaction statistics. Each response's contribution is computed once and added, in
 * the partition it arrived in, to the time buckets of every slice it belongs to (no re-partitioning per dimension);
 * queries merge the buckets of all partitions. Two linkages need another key and are the only re-partitions: by
 * contact (the wait the customer experienced, from that contact's events) and by customer (a complaint open at the
 * time of the response).
 */
public final class SatisfactionTopology {
    /** Statistics per slice of every {@link Dimension}. */
    public static final String SLICES = "satisfaction-slices";
    /** Statistics per band of the wait experienced ({@code wait=lt30s}, ..., {@code wait=unknown}). */
    public static final String WAIT = "satisfaction-wait";
    /** Statistics of customers with and without a complaint open ({@code complaint=open}, {@code complaint=none}). */
    public static final String COMPLAINT = "satisfaction-complaint";
    public static final String WAIT_DIMENSION = "wait";
    public static final String COMPLAINT_DIMENSION = "complaint";
    public static final String COMPLAINT_OPEN = "open";
    public static final String COMPLAINT_NONE = "none";

    static final String CONTACT_WAITS = "satisfaction-contact-waits";
    static final String CUSTOMER_COMPLAINTS = "satisfaction-customer-complaints";
    /** How long a contact's wait is remembered for surveys that come after it. */
    static final Duration CONTACT_MEMORY = Duration.ofDays(7);
    static final Serde<SatisfactionStats> STATS_SERDE = SatisfactionStatsSerde.serde();
    /** How long buckets are kept (beyond the grace period): the longest window each size answers, and some. */
    static final Duration MINUTES_KEPT = Duration.ofHours(25);
    static final Duration QUARTER_HOURS_KEPT = Duration.ofDays(8);
    /** How long a customer's complaint cases are remembered after their last step. */
    static final Duration COMPLAINT_MEMORY = Duration.ofDays(90);
    /** How long a linked response can still be moved: as long as its quarter-hour buckets are kept. */
    static final Duration LINKED_MEMORY = QUARTER_HOURS_KEPT;

    private SatisfactionTopology() {
    }

    public static void build(StreamsBuilder builder, InputStreams inputs, AppConfig config) {
        SatisfactionConfig settings = SatisfactionConfig.from(config.settings());
        Duration grace = config.eventsGrace();
        KStream<String, SurveyResponse> surveys = inputs.of(EventTopic.SURVEY);

        BucketFamily.addStores(builder, SLICES, STATS_SERDE, size -> kept(size).plus(grace));
        surveys.process(() -> new SliceAggregator(settings), Named.as("satisfaction-slices"),
                BucketFamily.storeNames(SLICES));

        BucketFamily.addStores(builder, WAIT, STATS_SERDE, size -> kept(size).plus(grace));
        builder.addStateStore(EntityStore.builder(Stores.persistentKeyValueStore(CONTACT_WAITS),
                ContactWaitSerde.serde()));
        inputs.<ContactEvent>of(EventTopic.CONTACT).process(ContactWaitTracker::new,
                Named.as("satisfaction-contact-wait-tracker"), BucketFamily.withStores(List.of(CONTACT_WAITS), WAIT));
        surveys.filter((id, r) -> r.getContactId() != null)
                .map((id, r) -> KeyValue.pair(r.getContactId(), ResponseScores.of(r, settings)))
                .repartition(Repartitioned.with(Serdes.String(), STATS_SERDE)
                        .withName("satisfaction-responses-by-contact"))
                .process(() -> new ResponseLinker<>(WAIT, CONTACT_WAITS, ContactWait.NONE,
                                (contact, at) -> SliceKeys.of(WAIT_DIMENSION, contact.waitBand())),
                        Named.as("satisfaction-wait-linker"),
                        BucketFamily.withStores(List.of(CONTACT_WAITS), WAIT));

        BucketFamily.addStores(builder, COMPLAINT, STATS_SERDE, size -> kept(size).plus(grace));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMER_COMPLAINTS),
                Serdes.String(), JsonSerde.of(CustomerComplaints.class)));
        inputs.<ComplaintEvent>of(EventTopic.COMPLAINT)
                .flatMap((id, e) -> {
                    CustomerComplaints.Step step = CustomerComplaints.Step.of(e);
                    return e.getCustomerId() == null || step == null ? List.of()
                            : List.of(KeyValue.pair(e.getCustomerId(), step));
                })
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(CustomerComplaints.Step.class))
                        .withName("satisfaction-complaint-steps-by-customer"))
                .process(ComplaintTracker::new, Named.as("satisfaction-complaint-tracker"),
                        BucketFamily.withStores(List.of(CUSTOMER_COMPLAINTS), COMPLAINT));
        surveys.filter((id, r) -> r.getCustomerId() != null)
                .map((id, r) -> KeyValue.pair(r.getCustomerId(), ResponseScores.of(r, settings)))
                .repartition(Repartitioned.with(Serdes.String(), STATS_SERDE)
                        .withName("satisfaction-responses-by-customer"))
                .process(() -> new ResponseLinker<>(COMPLAINT, CUSTOMER_COMPLAINTS, CustomerComplaints.NONE,
                                SatisfactionTopology::complaintGroup),
                        Named.as("satisfaction-complaint-linker"),
                        BucketFamily.withStores(List.of(CUSTOMER_COMPLAINTS), COMPLAINT));
    }

    /** Adds each response to the buckets of its slice in every dimension. */
    private static final class SliceAggregator implements Processor<String, SurveyResponse, Void, Void> {
        private final SatisfactionConfig settings;
        private BucketFamily<SatisfactionStats> buckets;

        SliceAggregator(SatisfactionConfig settings) {
            this.settings = settings;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            buckets = BucketFamily.open(context, SLICES);
        }

        @Override
        public void process(Record<String, SurveyResponse> record) {
            SatisfactionStats delta = ResponseScores.of(record.value(), settings);
            for (Dimension d : Dimension.values()) {
                buckets.add(d.sliceKeyOf(record.value()), record.timestamp(), delta);
            }
        }
    }

    /**
     * Folds each contact's events into what they say about its wait, and moves the responses already linked to the
     * contact when their band changes (a wait that ends after the response was counted, or arrives out of order).
     */
    private static final class ContactWaitTracker implements Processor<String, ContactEvent, Void, Void> {
        private KeyValueStore<String, ContactWait> waits;
        private BucketFamily<SatisfactionStats> buckets;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            waits = context.getStateStore(CONTACT_WAITS);
            buckets = BucketFamily.open(context, WAIT);
            StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, CONTACT_MEMORY, waits,
                    (wait, horizon) -> wait.lastSeenAt() < horizon);
        }

        @Override
        public void process(Record<String, ContactEvent> record) {
            ContactWait known = waits.get(record.key());
            ContactWait updated = (known == null ? ContactWait.NONE : known).with(record.value());
            String band = SliceKeys.of(WAIT_DIMENSION, updated.waitBand());
            waits.put(record.key(), updated.withResponses(LinkedResponse.regroup(
                    LinkedResponse.recent(updated.responses(), updated.lastSeenAt(), LINKED_MEMORY.toMillis()),
                    r -> band, buckets)));
        }
    }

    /**
     * Counts a response (keyed by the entity its fact is about: its contact, its customer) under the group that fact
     * puts it in at the time of the response, and remembers it there so that a later fact can move it.
     */
    private static final class ResponseLinker<F extends LinkedFact<F>>
            implements Processor<String, SatisfactionStats, Void, Void> {
        private final String family;
        private final String factStore;
        private final F unknown;
        private final BiFunction<F, Long, String> groupOf;
        private KeyValueStore<String, F> facts;
        private BucketFamily<SatisfactionStats> buckets;

        ResponseLinker(String family, String factStore, F unknown, BiFunction<F, Long, String> groupOf) {
            this.family = family;
            this.factStore = factStore;
            this.unknown = unknown;
            this.groupOf = groupOf;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            facts = context.getStateStore(factStore);
            buckets = BucketFamily.open(context, family);
        }

        @Override
        public void process(Record<String, SatisfactionStats> record) {
            F known = facts.get(record.key());
            F fact = known == null ? unknown : known;
            String group = groupOf.apply(fact, record.timestamp());
            buckets.add(group, record.timestamp(), record.value());
            facts.put(record.key(), fact.withResponses(
                    linked(fact.responses(), new LinkedResponse(record.timestamp(), record.value(), group))));
        }
    }

    /**
     * Folds each customer's complaint open/close steps, and moves the customer's responses already counted when a
     * step changes whether a complaint was open at their time.
     */
    private static final class ComplaintTracker implements Processor<String, CustomerComplaints.Step, Void, Void> {
        private KeyValueStore<String, CustomerComplaints> complaints;
        private BucketFamily<SatisfactionStats> buckets;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            complaints = context.getStateStore(CUSTOMER_COMPLAINTS);
            buckets = BucketFamily.open(context, COMPLAINT);
            StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, COMPLAINT_MEMORY, complaints,
                    (customer, horizon) -> customer.lastSeenAt() < horizon);
        }

        @Override
        public void process(Record<String, CustomerComplaints.Step> record) {
            CustomerComplaints known = complaints.get(record.key());
            CustomerComplaints updated = (known == null ? CustomerComplaints.NONE : known).with(record.value());
            complaints.put(record.key(), updated.withResponses(LinkedResponse.regroup(
                    LinkedResponse.recent(updated.responses(), updated.lastSeenAt(), LINKED_MEMORY.toMillis()),
                    r -> complaintGroup(updated, r.at()), buckets)));
        }
    }

    private static Duration kept(BucketSize size) {
        return size == BucketSize.MINUTE ? MINUTES_KEPT : QUARTER_HOURS_KEPT;
    }

    private static String complaintGroup(CustomerComplaints customer, long at) {
        return SliceKeys.of(COMPLAINT_DIMENSION, customer.openAt(at) ? COMPLAINT_OPEN : COMPLAINT_NONE);
    }

    /** {@code responses} and {@code added}, without those whose buckets are gone. */
    private static List<LinkedResponse> linked(List<LinkedResponse> responses, LinkedResponse added) {
        List<LinkedResponse> all = new ArrayList<>(responses);
        all.add(added);
        long newest = all.stream().mapToLong(LinkedResponse::at).max().orElseThrow();
        return LinkedResponse.recent(all, newest, LINKED_MEMORY.toMillis());
    }

}
