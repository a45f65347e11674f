package io.vocstream.complaints;

import io.vocstream.config.AppConfig;
import io.vocstream.events.ComplaintEvent;
import io.vocstream.events.ContactEvent;
import io.vocstream.schemas.EventTopic;
import io.vocstream.streams.InputStreams;
import io.vocstream.streams.JsonSerde;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Complaint KPIs: lifecycles and cohort statistics per complaint id (no repartition: complaint events are keyed by
 * complaint id), repeat complainants per customer (one repartition by customer id), and handled contacts from the
 * contact events. Each keeps per-partition partial statistics that the routes merge at query time.
 */
public final class ComplaintKpisTopology {
    private ComplaintKpisTopology() {
    }

    public static void build(StreamsBuilder builder, InputStreams inputs, AppConfig config) {
        ComplaintSettings settings = ComplaintSettings.from(config.settings());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ComplaintLifecycles.CASES_STORE), Serdes.String(),
                JsonSerde.of(ComplaintCase.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ComplaintLifecycles.OPEN_STORE), Serdes.String(),
                JsonSerde.of(OpenComplaint.class)));
        String[] kpiStores = CohortBuckets.addStores(builder, ComplaintLifecycles.KPI_KIND, config.eventsGrace());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RepeatComplainants.CUSTOMERS_STORE), Serdes.String(),
                JsonSerde.of(CustomerComplaints.class)));
        String[] repeatStores = CohortBuckets.addStores(builder, RepeatComplainants.REPEAT_KIND, config.eventsGrace());
        String[] contactStores = CohortBuckets.addStores(builder, HandledContacts.CONTACTS_KIND, config.eventsGrace());

        inputs.<ComplaintEvent>of(EventTopic.COMPLAINT)
                .process(() -> new ComplaintLifecycles(settings), Named.as("complaint-lifecycles"),
                        Stream.concat(Stream.of(ComplaintLifecycles.CASES_STORE, ComplaintLifecycles.OPEN_STORE),
                                Stream.of(kpiStores)).toArray(String[]::new))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(CustomerComplaint.class))
                        .withName("complaints-by-customer"))
                .process(() -> new RepeatComplainants(config.eventsGrace()), Named.as("repeat-complainants"),
                        Stream.concat(Stream.of(RepeatComplainants.CUSTOMERS_STORE), Stream.of(repeatStores))
                                .toArray(String[]::new));
        inputs.<ContactEvent>of(EventTopic.CONTACT)
                .process(HandledContacts::new, Named.as("complaint-handled-contacts"), contactStores);
    }
}
