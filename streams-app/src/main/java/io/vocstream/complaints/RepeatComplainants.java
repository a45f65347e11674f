package io.vocstream.complaints;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts complaints that name a customer and, of those, repeat complaints (another complaint of the same customer
 * opened in the 30 days up to it), in the bucket of each complaint's opening. Runs on complaints keyed by customer,
 * so one customer's complaints meet in one task. A late complaint can make a later one a repeat; the flags of the
 * customer's complaints are compared before and after each arrival and only the changes are counted. A customer's
 * entry is dropped, every hour of stream time, once no late complaint could still be a repeat of one of its own.
 */
final class RepeatComplainants implements Processor<String, CustomerComplaint, Void, Void> {
    static final String CUSTOMERS_STORE = "complaint-customers";
    static final String REPEAT_KIND = "complaint-repeats";

    private final long span = ComplaintSettings.REPEAT_SPAN.toMillis();
    private final long keptFor;
    private KeyValueStore<String, CustomerComplaints> customers;
    private CohortBuckets repeats;

    /** @param grace how late a complaint may arrive: a history entry is kept for the span plus the grace */
    RepeatComplainants(Duration grace) {
        this.keptFor = span + grace.toMillis();
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.customers = context.getStateStore(CUSTOMERS_STORE);
        this.repeats = CohortBuckets.open(context, REPEAT_KIND);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetQuietCustomers);
    }

    @Override
    public void process(Record<String, CustomerComplaint> record) {
        CustomerComplaints before = Objects.requireNonNullElseGet(customers.get(record.key()),
                () -> new CustomerComplaints(List.of()));
        CustomerComplaints after = before.with(record.value());
        Map<CustomerComplaint, Boolean> was = before.repeats(span);
        Map<CustomerComplaint, Boolean> now = after.repeats(span);
        was.forEach((complaint, repeat) -> {
            if (!repeat.equals(now.get(complaint))) {
                repeats.add(complaint.sliceKeys(), complaint.openedAt(),
                        ComplaintStats.customerComplaint(repeat).negated());
            }
        });
        now.forEach((complaint, repeat) -> {
            if (!repeat.equals(was.get(complaint))) {
                repeats.add(complaint.sliceKeys(), complaint.openedAt(), ComplaintStats.customerComplaint(repeat));
            }
        });
        customers.put(record.key(), after.openedFrom(after.newestOpening() - keptFor));
    }

    /** Drops the customers whose newest complaint is older than the repeat span plus the grace. */
    private void forgetQuietCustomers(long streamTime) {
        List<String> quiet = new ArrayList<>();
        try (KeyValueIterator<String, CustomerComplaints> all = customers.all()) {
            all.forEachRemaining((KeyValue<String, CustomerComplaints> kv) -> {
                if (kv.value.newestOpening() < streamTime - keptFor) {
                    quiet.add(kv.key);
                }
            });
        }
        quiet.forEach(customers::delete);
    }
}
